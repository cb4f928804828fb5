# Stub of nixos-hardware (github:NixOS/nixos-hardware), for evaluating generated flakes offline.
#
# Imitates: `nixosModules.<name>` for the profiles listed below, each an empty module (so a
# configuration may import them); add a name when a test needs one.
#
# Leaves out: what the real profiles set (kernel modules, microcode, firmware, …).
{
  description = "Stub nixos-hardware for typeflake's tests";

  outputs = { self }: {
    nixosModules = builtins.listToAttrs (map (name: { inherit name; value = { _file = "<stub nixos-hardware ${name}>"; }; }) [
      "common-cpu-amd"
      "common-cpu-intel"
      "common-gpu-intel"
      "common-pc"
      "common-pc-ssd"
      "intel-nuc-8i7beh"
      "raspberry-pi-4"
    ]);
  };
}
