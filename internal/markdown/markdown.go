// Package markdown renders the Markdown that bulletins are written in:
// to HTML for pages and feeds, and to plain text for summaries, calendar
// descriptions and titles.
//
// It uses goldmark with raw HTML off, so that nothing a bulletin says can
// put markup or script into an output; links are made absolute, and
// images become links to them.
package markdown

import (
	"bufio"
	"bytes"
	"html"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var md = goldmark.New(goldmark.WithExtensions(extension.Linkify))

// HTML renders src as HTML. Relative link and image destinations are
// resolved against base, which may be nil.
func HTML(src string, base *url.URL) string {
	source := []byte(src)
	return renderHTML(parse(source), source, base)
}

func parse(source []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(source), parser.WithContext(parser.NewContext()))
}

// renderHTML renders doc, the parsed source, changing it.
func renderHTML(doc ast.Node, source []byte, base *url.URL) string {
	imagesToLinks(doc)
	unlink(doc)
	if base != nil {
		absolute(doc, base)
	}
	// goldmark wraps any writer but a buffered one in a new 4 KB
	// bufio.Writer: one kept for the next text saves that for each.
	var b strings.Builder
	w := writers.Get().(*bufio.Writer)
	defer func() {
		w.Reset(nil)
		writers.Put(w)
	}()
	w.Reset(&b)
	if err := md.Renderer().Render(w, source, doc); err != nil {
		// goldmark's HTML renderer fails only when its writer does;
		// a strings.Builder does not.
		panic(err)
	}
	w.Flush()
	return b.String()
}

var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// absolute resolves every link and image destination under n against base.
func absolute(n ast.Node, base *url.URL) {
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = resolve(base, n.Destination)
		case *ast.Image:
			n.Destination = resolve(base, n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// imagesToLinks replaces every image with a link to it, its alt text the
// link's text ("image" when it has none): a page or a reader shows
// nothing loaded from elsewhere, which could track who reads a bulletin.
func imagesToLinks(doc ast.Node) {
	var images []*ast.Image
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			images = append(images, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range images {
		inLink := false
		for p := img.Parent(); p != nil; p = p.Parent() {
			if _, ok := p.(*ast.Link); ok {
				inLink = true
			}
		}
		if inLink {
			// [![Logo](logo.png)](site): the outer link stays, with the
			// image's alt text; a link in a link HTML cannot hold.
			unwrap(img)
			continue
		}
		link := ast.NewLink()
		link.Destination, link.Title = img.Destination, img.Title
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if !link.HasChildren() {
			link.AppendChild(link, ast.NewString([]byte("image")))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
	}
}

// unlink replaces every link whose destination is not a web or mail
// address ("javascript:", "data:", an empty one) with its text, so that no
// output carries a link that runs code or leads nowhere.
func unlink(doc ast.Node) {
	var bad []*ast.Link
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering && !safeURL(string(l.Destination)) {
			bad = append(bad, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range bad {
		unwrap(l)
	}
}

// unwrap replaces n with its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

// safeURL reports whether a link destination is an http, https, mailto or
// tel URL, or a relative reference other than an empty one.
func safeURL(dest string) bool {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil || dest == "" {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto", "tel":
		return u.Scheme != "" || u.Opaque == ""
	}
	return false
}

func resolve(base *url.URL, dest []byte) []byte {
	u, err := url.Parse(string(dest))
	if err != nil || u.IsAbs() {
		return dest
	}
	return []byte(base.ResolveReference(u).String())
}

// Text renders src as plain text: the words without markup, paragraphs
// separated by a blank line, a link's text followed by nothing of its URL.
func Text(src string) string {
	s, _ := plain(src, nil, false)
	return s
}

// A Link is a link of a text: its words ("" for a bare URL) and its
// absolute URL.
type Link struct {
	Text string
	URL  string
}

// Spoken renders src as plain text to be read aloud, as Text does but
// without a URL or e-mail address written out: a link keeps its words, a
// bare URL is left out, and so is a link whose words are its URL. It
// returns the text and every web or mail link of src, in order, resolved
// against base, which may be nil, so that they can be listed apart.
func Spoken(src string, base *url.URL) (string, []Link) {
	return plain(src, base, true)
}

func plain(src string, base *url.URL, spoken bool) (string, []Link) {
	source := []byte(src)
	return walkPlain(parse(source), source, base, spoken, nil)
}

// A plainWalk is what walkPlain tells besides the text: its paragraphs
// before they were tidied or trimmed, and whether it met a link.
type plainWalk struct {
	paras  []string
	linked bool
}

// walkPlain renders doc, the parsed source, as Text or Spoken do,
// leaving it unchanged, and tells w, when it is not nil, of its
// paragraphs and links.
func walkPlain(doc ast.Node, source []byte, base *url.URL, spoken bool, w *plainWalk) (string, []Link) {
	var links []Link
	var b strings.Builder
	var para strings.Builder
	flush := func() {
		s := para.String()
		if w != nil {
			w.paras = append(w.paras, s)
		}
		if spoken {
			s = tidy(s)
		}
		if s = strings.TrimSpace(s); s != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(s)
		}
		para.Reset()
	}
	addLink := func(words string, dest []byte) {
		if !safeURL(string(dest)) {
			return
		}
		if base != nil {
			dest = resolve(base, dest)
		}
		links = append(links, Link{Text: words, URL: string(dest)})
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock, *ast.FencedCodeBlock, *ast.CodeBlock:
			if !entering {
				flush()
			} else if isCode(n) {
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					para.Write(seg.Value(source))
				}
			}
		case *ast.ListItem:
			if entering {
				flush()
			}
		case *ast.Text:
			if entering {
				if v := n.Segment.Value(source); !bytes.ContainsAny(v, `\&`) {
					para.Write(v) // nothing escaped: the common case, copied once
				} else {
					para.WriteString(literal(v))
				}
				if n.SoftLineBreak() || n.HardLineBreak() {
					para.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				para.Write(n.Value)
			}
		case *ast.CodeSpan:
			if entering {
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if t, ok := c.(*ast.Text); ok {
						para.Write(t.Segment.Value(source))
					}
				}
				return ast.WalkSkipChildren, nil
			}
		case *ast.Link:
			if entering && w != nil {
				w.linked = true
			}
			if entering && spoken {
				words, _ := plain(string(inlineSource(n, source)), nil, false)
				if looksLikeURL(words) {
					addLink("", n.Destination)
					return ast.WalkSkipChildren, nil
				}
				addLink(words, n.Destination)
			}
		case *ast.AutoLink:
			if !entering {
				break
			}
			if w != nil {
				w.linked = true
			}
			if !spoken {
				para.Write(n.Label(source))
				break
			}
			dest := n.URL(source)
			if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(dest, []byte("mailto:")) {
				dest = append([]byte("mailto:"), dest...)
			}
			addLink("", dest)
		}
		return ast.WalkContinue, nil
	})
	flush()
	return b.String(), links
}

// spokenParagraphs is what walkPlain gives as Spoken for a text without
// links, whose paragraphs, before they were tidied, are paras: without
// links, the two walks gather the same words.
func spokenParagraphs(paras []string) string {
	var b strings.Builder
	for _, s := range paras {
		if s = strings.TrimSpace(tidy(s)); s != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(s)
		}
	}
	return b.String()
}

// escapeRE matches what CommonMark reads as one character in text: a
// backslash escape of ASCII punctuation and an entity or numeric
// character reference.
var escapeRE = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// literal returns the characters that the source of a text node stands
// for: "\\*" is "*" and "&amp;" is "&", as goldmark's HTML renderer reads them.
func literal(src []byte) string {
	return escapeRE.ReplaceAllStringFunc(string(src), func(m string) string {
		if m[0] == '\\' {
			return m[1:]
		}
		return html.UnescapeString(m)
	})
}

// inlineSource returns the source text spanned by the text nodes under n.
func inlineSource(n ast.Node, source []byte) []byte {
	var out []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			out = append(out, t.Segment.Value(source)...)
			if t.SoftLineBreak() {
				out = append(out, ' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// looksLikeURL reports whether the words of a link are an address rather
// than words to read.
func looksLikeURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"http://", "https://", "www.", "mailto:"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

var (
	emptyBrackets = regexp.MustCompile(`\(\s*\)`)
)

// tidy mends a paragraph from which an address or markup was left out:
// "See <https://x>." became "See ." and becomes "See."
func tidy(s string) string {
	if strings.Contains(s, "(") {
		s = emptyBrackets.ReplaceAllString(s, "")
	}
	// Runs of spaces and tabs become one space, and none is left before
	// punctuation; by hand, as this runs on every paragraph of a script,
	// copying s only from the first run that changes.
	var b strings.Builder
	done := 0 // s[:done] is in b, or needs no change when b is empty
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		space := j == len(s) || !strings.ContainsRune(".,;:!?)", rune(s[j]))
		if !(space && j == i+1 && s[i] == ' ') { // not one space, kept as it is
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:i])
			if space {
				b.WriteByte(' ')
			}
			done = j
		}
		i = j - 1
	}
	if b.Cap() > 0 {
		b.WriteString(s[done:])
		s = b.String()
	}
	return strings.TrimLeft(s, " .,;:")
}

func isCode(n ast.Node) bool {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return true
	}
	return false
}

// FirstSentence returns the first sentence of the plain text of src,
// shortened at a word to at most max characters with an ellipsis.
func FirstSentence(src string, max int) string {
	s := strings.Join(strings.Fields(Text(src)), " ")
	for i, r := range s {
		if r == '.' || r == '!' || r == '?' {
			next := s[i+utf8.RuneLen(r):]
			if next == "" || strings.HasPrefix(next, " ") {
				if r == '.' {
					s = s[:i]
				} else {
					s = s[:i+1]
				}
				break
			}
		}
	}
	return Shorten(s, max)
}

// Summary returns the words of the plain text s on one line, each run of
// white space one space, shortened as Shorten does; it reads no more of s
// than it keeps, and ASCII a byte at a time, as every entry of every feed
// has a summary.
func Summary(s string, max int) string {
	var b strings.Builder
	b.Grow(min(len(s), 4*(max+1)))
	n := 0 // runes written
	space := false
	for i := 0; i < len(s) && n <= max; { // past max, enough to know it is too long, and where to cut
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace(r) {
			space = n > 0
			i += size
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		// The rune, and the ASCII that follows it up to a space, at once.
		j := i + size
		for j < len(s) && n+j-i <= max && s[j] < utf8.RuneSelf && !isSpace(rune(s[j])) {
			j++
		}
		b.WriteString(s[i:j])
		n += 1 + j - i - size
		i = j
	}
	return Shorten(b.String(), max)
}

// isSpace is unicode.IsSpace, quicker for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// Shorten returns s cut at a word to at most max characters, with an
// ellipsis when anything was cut.
func Shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	// Keep the first max-1 characters, cut at the last space among them
	// that lies past the half, if any.
	end, cut, n := len(s), -1, 0
	for i, r := range s {
		if n == max-1 {
			end = i
			break
		}
		if n > max/2 && isSpace(r) {
			cut = i
		}
		n++
	}
	if cut < 0 {
		cut = end
	}
	return strings.TrimRightFunc(s[:cut], func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}
