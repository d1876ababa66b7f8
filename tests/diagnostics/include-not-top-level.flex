# include only at the top level
if true {
    include "includes/setup.flex"
}
