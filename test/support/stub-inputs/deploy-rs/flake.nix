# Stub of deploy-rs (github:serokell/deploy-rs), for evaluating generated flakes offline.
#
# Imitates, in `lib.<system>` for x86_64-linux and aarch64-linux:
# - `activate.custom base script`, `activate.nixos configuration` (its system.build.toplevel
#   switched to) and `activate.noop base`: derivation-like sets that keep their activation
#   script as `deploy-rs-activate` (the real ones write it to `$out/deploy-rs-activate`);
# - `deployChecks deploy` → `{ schema, activate }`, whose values throw, when evaluated, with
#   every problem the real checks report when built: the JSON schema of the `deploy` tree
#   (interface.json: each node's `hostname`, each profile's `path`, the types of the known
#   settings) and profiles whose `path` was not made by `activate.*`.
#
# Leaves out: building and running anything, the `deploy` CLI package, `setActivate`,
# `activate.darwin`/`home-manager`, the schema's node-name pattern.
{
  description = "Stub deploy-rs for typeflake's tests";

  outputs = { self }:
    let
      inherit (builtins) attrNames concatMap concatStringsSep typeOf;

      /** The setting types of deploy-rs's interface.json (generic, node and profile settings). */
      settingTypes = {
        sshUser = "string";
        user = "string";
        sshOpts = "list";
        fastConnection = "bool";
        autoRollback = "bool";
        magicRollback = "bool";
        confirmTimeout = "int";
        activationTimeout = "int";
        tempPath = "string";
        interactiveSudo = "bool";
        sudoFile = "string";
        sudoSecret = "string";
        remoteBuild = "bool";
        hostname = "string";
        profilesOrder = "list";
        profilePath = "string";
      };

      /** Settings of the wrong type; settings the schema does not know are accepted, as there. */
      settingProblems = where: settings: concatMap
        (name:
          let expected = settingTypes.${name} or (typeOf settings.${name}); in
          if typeOf settings.${name} == expected then [ ] else [ "${where}.${name}: expected ${expected}, got ${typeOf settings.${name}}" ])
        (attrNames settings);

      /** `f nodeName profileName profile` for every profile of every node, concatenated. */
      concatMapProfiles = f: deploy: concatMap
        (nodeName: let node = deploy.nodes.${nodeName}; in
          concatMap (profileName: f nodeName profileName node.profiles.${profileName}) (attrNames (node.profiles or { })))
        (attrNames (deploy.nodes or { }));

      schemaProblems = deploy:
        settingProblems "deploy" (removeAttrs deploy [ "nodes" ])
        ++ concatMap
          (nodeName: let node = deploy.nodes.${nodeName}; where = "deploy.nodes.${nodeName}"; in
            (if node ? hostname then [ ] else [ "${where}.hostname is required" ])
            ++ settingProblems where (removeAttrs node [ "profiles" ]))
          (attrNames (deploy.nodes or { }))
        ++ concatMapProfiles
          (nodeName: profileName: profile: let where = "deploy.nodes.${nodeName}.profiles.${profileName}"; in
            (if profile ? path then [ ] else [ "${where}.path is required" ])
            ++ settingProblems where (removeAttrs profile [ "path" ]))
          deploy;

      activateProblems = concatMapProfiles (nodeName: profileName: profile:
        # A profile without `path` is the schema check's to report.
        if !(profile ? path) || profile.path ? deploy-rs-activate then [ ]
        else [ "deploy.nodes.${nodeName}.profiles.${profileName}.path is missing the deploy-rs-activate activation script (make it with deploy-rs.lib.<system>.activate.*)" ]);

      libFor = system:
        let
          /** A derivation-like set: `"${drv}"` is a store path, but nothing can build it. */
          mkStub = name: attrs:
            let storePath = suffix: "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" "${system}/${name}")}-${name}${suffix}"; in
            attrs // { type = "derivation"; inherit name system; outPath = storePath ""; drvPath = storePath ".drv"; };

          check = name: problems:
            if problems == [ ] then mkStub name { }
            else throw "deploy-rs check ${name} failed:\n${concatStringsSep "\n" problems}";
        in
        rec {
          activate = {
            custom = base: script: mkStub "activatable-${base.name}" { deploy-rs-activate = script; };
            nixos = configuration: activate.custom configuration.config.system.build.toplevel "$PROFILE/bin/switch-to-configuration switch";
            noop = base: activate.custom base ":";
          };
          deployChecks = deploy: {
            schema = check "jsonschema-deploy-system" (schemaProblems deploy);
            activate = check "deploy-rs-check-activate" (activateProblems deploy);
          };
        };
    in
    {
      lib = builtins.listToAttrs (map (system: { name = system; value = libFor system; }) [ "x86_64-linux" "aarch64-linux" ]);
    };
}
