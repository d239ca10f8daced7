"""Word lists and inflection tables behind attributed-quote extraction (`marsad.annotate.quotes`)."""
