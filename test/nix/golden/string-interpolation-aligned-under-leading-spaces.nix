{
  quoted = "  ${
      f (
        {
          a ? 1,
          ...
        }:
        a
      )
    } end";
  indented = ''
    first line
        ${g [
          a
          b
        ]}
        ${x} ${
          h [
            c
            d
          ]
        }
  '';
  unicodeSpace = "  ${
      let
        v = 1;
      in
      v
    }.";
}
