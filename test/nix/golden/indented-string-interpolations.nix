let
  prev = {
    curl = "/nix/store/x-curl";
  };
in
''
  ''${prev.curl} is ${prev.curl}
  price ''$${prev.curl}
  quote '${prev.curl}
''
