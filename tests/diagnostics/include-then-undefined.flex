# included names are visible after the include
include "includes/setup.flex"
print thermometr
