package bulletin

import (
	"math"
	"strconv"
)

// A Color is a colour of the pages, in sRGB.
type Color struct{ R, G, B uint8 }

// ParseColor reads "#rrggbb" or "#rgb".
func ParseColor(s string) (Color, bool) {
	if len(s) == 4 && s[0] == '#' {
		s = "#" + string([]byte{s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if len(s) != 7 || s[0] != '#' {
		return Color{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return Color{}, false
	}
	return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// Contrast returns the contrast ratio of two colours as WCAG 2 defines
// it, from 1 to 21.
func (c Color) Contrast(d Color) float64 {
	a, b := c.luminance(), d.luminance()
	return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

// luminance is the colour's relative luminance (WCAG 2).
func (c Color) luminance() float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}
