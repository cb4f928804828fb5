{
  mkUser = name: {
    isNormalUser = true;
    home = "/home/${name}";
  };
  script = name: ''
    echo ${name}
    exit 0
  '';
}
