[
  {
    description = "a-rather-long-attribute-value-that-takes-up-room a-rather-long-attribute-value-that-takes-up-room and then some more words";
  }
]
