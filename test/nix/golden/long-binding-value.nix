{
  aVeryLongAttributeNameThatTakesUpMostOfTheLineBeforeTheValueEvenStarts =
    config.services.something.quiteLong.value;
}
