# Stub of the module nixos-generate-config imports from hardware configurations; sets nothing.
{ }
