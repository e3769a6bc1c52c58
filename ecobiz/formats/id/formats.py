# Date formats for Indonesian pages: one style everywhere, with the time
# zone (WIB) after every time, since users read times in Jakarta time.
DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H.i T"
SHORT_DATETIME_FORMAT = "j M Y, H.i T"
