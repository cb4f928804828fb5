{
  a = ''
    echo '''quoted''' and ''${NOT_NIX}
    ''\tindented by tab
  '';
  b = ''
    it's
    ends with ''\''';
}
