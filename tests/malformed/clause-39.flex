customer create email "a" +
