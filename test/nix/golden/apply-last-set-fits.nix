{ pkgsForHost = import nixpkgs { inherit system; }; }
