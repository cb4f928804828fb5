{
  extraConfig = [
    "option-0=value-0"
    "option-1=value-1"
    "option-2=value-2"
    "option-3=value-3"
    "option-4=value-4"
    "option-5=value-5"
    "option-6=value-6"
    "option-7=value-7"
    "option-8=value-8"
    "option-9=value-9"
    "option-10=value-10"
    "option-11=value-11"
  ];
}
