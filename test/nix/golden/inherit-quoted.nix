{ inherit (set) "with space" "if"; }
