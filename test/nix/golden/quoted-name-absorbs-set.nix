{
  "grafana.lab.local" = {
    forceSSL = true;
    enableACME = true;
  };
  "extra hosts" = [
    "a"
    "b"
  ];
  "a quoted name" =
    config.services.something.quiteLongNameToOverflowTheLine.value.andSomeMoreText.evenMore;
}
