{
  script = ''
    set -eu

    echo one


    echo two
  '';
}
