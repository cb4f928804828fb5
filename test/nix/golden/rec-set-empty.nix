rec { }
