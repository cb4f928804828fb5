{ text = "  indented\n  twice\n"; }
