# Does not parse: reported once for the file, the other files still run (exit 2).
scenario "never runs" {
  let x = (1 +
}
