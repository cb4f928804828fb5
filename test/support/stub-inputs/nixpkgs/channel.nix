# The channel this stub stands for; package versions are this string. The test harness
# (test/support/flake-eval.ts) rewrites it in the copy it uses for `nixpkgs-<channel>` inputs.
"24.11"
