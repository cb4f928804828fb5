{
  extraOptions = [
    "--a-rather-long-attribute-value-that-takes-up-room=a-rather-long-attribute-value-that-takes-up-room-a-rather-long-attribute-value-that-takes-up-room"
  ];
}
