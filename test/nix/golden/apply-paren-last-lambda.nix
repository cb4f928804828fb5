{
  users.users = lib.mapAttrs (name: user: {
    isNormalUser = true;
    extraGroups = user.groups;
  }) config.typeflake.users;
  upper = lib.mapAttrs (
    name: user: {
      isNormalUser = true;
      extraGroups = user.groups;
    }
  );
}
