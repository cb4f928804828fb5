{ text = "trailing \nspace\n"; }
