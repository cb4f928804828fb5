{
  motd = ''
    Welcome to nas
    Managed by typeflake'';
}
