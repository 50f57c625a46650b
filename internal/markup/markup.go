// Package markup writes HTML by hand where html/template is too slow for
// what is repeated thousands of times (the points of a large site), and
// escapes exactly as html/template does, so that the two can be mixed in
// one page and the bytes do not depend on which wrote them.
//
// Only text and attribute values are escaped here; the HTML around them
// is fixed in the callers. Text goes through Text, an attribute value
// through Attr, and a URL attribute value through URL, which also refuses
// a scheme that could run code.
package markup

import (
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// A Writer is HTML being written.
type Writer struct {
	strings.Builder
}

// Raw writes s as it is: fixed markup, or HTML that is already safe.
func (w *Writer) Raw(s string) { w.WriteString(s) }

// Text writes s escaped as text or as a quoted attribute value.
func (w *Writer) Text(s string) { escaper.WriteString(&w.Builder, s) }

// URL writes s as the value of a quoted URL attribute (href, src): as
// html/template does, characters that may not appear in a URL are
// percent-encoded and the rest escaped as Text; a URL with a scheme other
// than http, https or mailto becomes "#ZgotmplZ", as there.
func (w *Writer) URL(s string) {
	if !safeScheme(s) {
		w.WriteString("#ZgotmplZ")
		return
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if keepInURL(c) || c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(c) // a '%' only when it starts an escape
			continue
		}
		percent(&b, c)
	}
	w.Text(b.String())
}

// URLPart writes s as a part of a quoted URL attribute after its start,
// such as the fragment in href="#{{.}}": as html/template does, every
// character but the unreserved ones of RFC 3986 is percent-encoded.
func (w *Writer) URLPart(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			w.WriteByte(c)
		default:
			percent(&w.Builder, c)
		}
	}
}

func percent(b *strings.Builder, c byte) {
	const hex = "0123456789abcdef"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}

// Scripture writes a bulletin's scripture as a quotation, opened by the
// tag open ("<blockquote>" or one with attributes): the text, then "—",
// the reference and the version in brackets.
func (w *Writer) Scripture(open string, sc bulletin.Scripture) {
	w.Raw(open)
	w.Raw("<p>")
	w.Text(sc.Text)
	w.Raw("</p><footer>— ")
	w.Text(sc.Reference)
	if sc.Version != "" {
		w.Raw(" (")
		w.Text(sc.Version)
		w.Raw(")")
	}
	w.Raw("</footer></blockquote>\n")
}

// escaper is html/template's escaping of text and attribute values.
var escaper = strings.NewReplacer(
	"\x00", "\uFFFD",
	`"`, "&#34;",
	"&", "&amp;",
	"'", "&#39;",
	"+", "&#43;",
	"<", "&lt;",
	">", "&gt;",
)

// keepInURL reports whether html/template's URL normalizer keeps c as it
// is: an unreserved or reserved character of RFC 3986.
func keepInURL(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// safeScheme reports whether s is a relative URL or one of the schemes
// html/template lets through.
func safeScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.ContainsRune(scheme, '/') {
		return true // no scheme: relative
	}
	// EqualFold, as html/template: it folds "ſ" to "s" as well.
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}
