{
  a = with lib; mkDefault 1;
  b = with types; listOf str;
}
