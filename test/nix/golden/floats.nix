{
  half = 0.5;
  whole = 3.0;
  big = 1.0e21;
  small = 1.5e-7;
  negative = -2.75;
  negativeZero = 0.0;
  max = 1.7976931348623157e308;
}
