let
  name = "web";
in
{
  services."nginx-${name}".enable = true;
}
