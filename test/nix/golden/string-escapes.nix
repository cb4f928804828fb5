{
  quote = "say \"hi\"";
  backslash = "C:\\temp\\";
  interpolationLike = "\${HOME} and $HOME and $$";
  controls = "tab\there\rreturn";
  unicode = "naïve 東京 😀";
}
