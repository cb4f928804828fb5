# Stub of the QEMU guest profile nixos-generate-config imports for virtual machines; sets nothing.
{ }
