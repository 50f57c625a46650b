package draft

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"path"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// Text returns the text of a file to import, by its name: an email
// (.eml), whose plain text part it reads, or its HTML part turned into
// Markdown when it has none; otherwise plain text or Markdown. It reads
// UTF-8, UTF-16 with a byte order mark, and, as Word saves plain text
// on Windows, Windows-1252. The text it returns has Unix line ends, no
// characters the loader refuses, no invisible spaces, and composed
// accents. Sent is when an email says it was sent, or zero.
func Text(name string, data []byte) (text string, sent time.Time, err error) {
	if strings.EqualFold(path.Ext(name), ".eml") {
		text, sent, err = emailText(data)
		if err != nil {
			return "", time.Time{}, fmt.Errorf("%s: %w", name, err)
		}
	} else {
		text = decode(data)
	}
	return clean(text), sent, nil
}

// decode returns data as text, from UTF-8, UTF-16 with a byte order
// mark, or else Windows-1252.
func decode(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return string(data[3:])
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(out)
		}
	case utf8.Valid(data):
		return string(data)
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(out)
}

// invisible are the characters that pasted text carries and a reader
// never sees: zero-width spaces, word joiners, soft hyphens, byte order
// marks, and the embeddings, overrides and isolates of bidirectional
// text, which cut into paragraphs would turn the text after them
// backwards (the loader refuses one left open).
var invisible = strings.NewReplacer("\u200b", "", "\u2060", "", "\ufeff", "", "\u00ad", "",
	"\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "",
	"\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "", "\r\n", "\n", "\r", "\n")

// clean returns text ready to place.
func clean(text string) string {
	return norm.NFC.String(bulletin.Clean(invisible.Replace(text)))
}

// emailText returns the text of an email message, and when it was sent.
func emailText(data []byte) (string, time.Time, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return "", time.Time{}, fmt.Errorf("not an email message: %w", err)
	}
	sent, _ := msg.Header.Date() // zero when it says none
	text, htmlText, err := parts(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, 0)
	switch {
	case err != nil:
		return "", time.Time{}, err
	case text != "":
		return text, sent, nil
	case htmlText != "":
		return htmlMarkdown(htmlText), sent, nil
	}
	return "", time.Time{}, errors.New("the message has no text")
}

// parts returns the first plain text and the first HTML of a message
// part, looking into multipart parts to a depth of 8.
func parts(contentType, encoding string, body io.Reader, depth int) (text, htmlText string, err error) {
	if contentType == "" {
		contentType = "text/plain"
	}
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		media, params = "text/plain", nil
	}
	if strings.HasPrefix(media, "multipart/") {
		switch {
		case params["boundary"] == "":
			return "", "", errors.New("the message says it has parts but not where they begin (no boundary)")
		case depth >= 8:
			return "", "", errors.New("the message's parts are nested too deep")
		}
		r := multipart.NewReader(body, params["boundary"])
		for {
			p, err := r.NextRawPart()
			if err == io.EOF {
				return text, htmlText, nil
			}
			if err != nil {
				return "", "", fmt.Errorf("reading the message's parts: %w", err)
			}
			if strings.HasPrefix(p.Header.Get("Content-Disposition"), "attachment") {
				continue
			}
			t, h, err := parts(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, depth+1)
			if err != nil {
				return "", "", err
			}
			if text == "" {
				text = t
			}
			if htmlText == "" {
				htmlText = h
			}
		}
	}
	if media != "text/plain" && media != "text/html" {
		return "", "", nil
	}
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, &newlineSkipper{body})
	}
	if cs := params["charset"]; cs != "" {
		if body, err = charset.NewReaderLabel(cs, body); err != nil {
			return "", "", fmt.Errorf("the message's text is in %q, which prayerfeed cannot read", cs)
		}
	}
	data, err := io.ReadAll(io.LimitReader(body, 10<<20))
	if err != nil {
		return "", "", fmt.Errorf("reading the message's text: %w", err)
	}
	s := decode(data)
	if media == "text/html" {
		return "", s, nil
	}
	if strings.EqualFold(params["format"], "flowed") {
		s = unflow(s, strings.EqualFold(params["delsp"], "yes"))
	}
	return s, "", nil
}

// newlineSkipper drops line ends, which base64 in email has.
type newlineSkipper struct{ r io.Reader }

func (n *newlineSkipper) Read(p []byte) (int, error) {
	c, err := n.r.Read(p)
	out := p[:0]
	for _, b := range p[:c] {
		if b != '\r' && b != '\n' {
			out = append(out, b)
		}
	}
	return len(out), err
}

// unflow joins the lines of format=flowed text (RFC 3676) that end in a
// space.
func unflow(s string, delsp bool) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		body := strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.HasSuffix(body, " ") && body != "-- " && strings.HasSuffix(line, "\n") {
			if delsp {
				body = body[:len(body)-1]
			}
			b.WriteString(body)
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

// htmlMarkdown returns an email's HTML as Markdown: a paragraph per
// block, headings, bold, italics and links.
func htmlMarkdown(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	var href []string
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapseBlank.ReplaceAllString(b.String(), "\n\n")
		case html.TextToken:
			if skip == 0 {
				b.WriteString(spaces.ReplaceAllString(string(z.Text()), " "))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			end, tag := tok.Type == html.EndTagToken, tok.Data
			switch tag {
			case "style", "script", "head", "title":
				if end {
					skip = max(skip-1, 0)
				} else {
					skip++
				}
			case "p", "div", "table", "tr", "td", "th", "blockquote", "ul", "ol":
				b.WriteString("\n\n")
			case "br":
				b.WriteString("\n")
			case "li":
				if !end {
					b.WriteString("\n- ")
				}
			case "h1", "h2", "h3", "h4", "h5", "h6":
				b.WriteString("\n\n")
				if !end {
					b.WriteString("## ")
				}
			case "b", "strong":
				b.WriteString("**")
			case "i", "em":
				b.WriteString("*")
			case "a":
				if !end {
					b.WriteString("[")
					href = append(href, "")
					for _, a := range tok.Attr {
						if a.Key == "href" {
							href[len(href)-1] = a.Val
						}
					}
				} else if len(href) > 0 {
					fmt.Fprintf(&b, "](%s)", href[len(href)-1])
					href = href[:len(href)-1]
				}
			}
		}
	}
}

var (
	spaces        = regexp.MustCompile(`\s+`)
	collapseBlank = regexp.MustCompile(`\n[ \t]*\n(\s*\n)*`)
)

// The dates a bulletin's text may give: 2026-11-27, 27 November 2026,
// November 27, 2026, each perhaps after its weekday.
var (
	months  = `(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	dmy     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)? ` + months + `,? (\d{4})\b`)
	mdy     = regexp.MustCompile(`(?i)\b` + months + ` (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	weekday = regexp.MustCompile(`(?i)^(mon|tues|wednes|thurs|fri|satur|sun)day,?$`)
)

// findDate returns the first date that text gives, and whether the text
// is nothing else: a date line with perhaps its weekday.
func findDate(text string) (d bulletin.Date, only bool, ok bool) {
	var year, month, day string
	var at []int
	if m := isoDate.FindStringSubmatchIndex(text); m != nil {
		at, year, month, day = m, text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]]
	} else if m := dmy.FindStringSubmatchIndex(text); m != nil {
		at, day, month, year = m, text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]]
	} else if m := mdy.FindStringSubmatchIndex(text); m != nil {
		at, month, day, year = m, text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]]
	} else {
		return d, false, false
	}
	t, err := time.Parse("2006-1-2", year+"-"+monthNumber(month)+"-"+day)
	if err != nil {
		return d, false, false
	}
	rest := strings.TrimSpace(text[:at[0]] + text[at[1]:])
	return bulletin.DateOf(t), rest == "" || weekday.MatchString(rest), true
}

// monthNumber returns the number of a month named or numbered.
func monthNumber(m string) string {
	m = strings.ToLower(m)
	for i, name := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(m, name) {
			return fmt.Sprint(i + 1)
		}
	}
	return m
}
