{
  badge = badge "https://github.com/example/example-project/actions/workflows/build.yml/badge.svg" "https://github.com/example/example-project/actions";
}
