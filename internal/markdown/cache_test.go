package markdown

import (
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// cacheInputs are texts whose forms differ in every way the renderers
// know: links safe and not, relative and bare, escapes, code, lists.
var cacheInputs = []string{
	"",
	"Plain *words* and [a link](https://x.example/).",
	"Pray for [the team](team/) and [bad](javascript:alert(1)) and ![pic](img/a.png)",
	"[https://example.org/x](javascript:alert(1)) and [www.example.org](team/)",
	"See <https://example.org/news> and <someone@example.org>.",
	"The report (https://example.org/r) is out.\n\n- one\n- **two**",
	"```\ncode *x*\n```\n\n    indented\n\n# Heading",
	`Escaped \*stars\* &amp; &eacute; <b>raw</b>`,
}

// TestCacheSameAsDirect checks that every form the cache gives is the one
// the functions give, on first use and from the cache, from several
// goroutines at once.
func TestCacheSameAsDirect(t *testing.T) {
	base, _ := url.Parse("https://example.org/prayer/")
	c := NewCache(base)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, src := range cacheInputs {
				checkCache(t, c, base, src)
			}
		})
	}
	wg.Wait()
}

// checkCache checks the cache's forms of src, in memory and read from
// a spool, against the functions'.
func checkCache(t *testing.T, c *Cache, base *url.URL, src string) {
	t.Helper()
	var spooled spool.Text
	var b spool.Batch
	b.Add(&spooled, src)
	b.Write(texts)
	for _, text := range []spool.Text{spool.Of(src), spooled} {
		checkForms(t, c, base, src, text)
	}
}

// texts is the spool of the cache's tests, which holds no text in
// memory.
var texts = spool.New(0)

func checkForms(t *testing.T, c *Cache, base *url.URL, src string, text spool.Text) {
	t.Helper()
	if got, want := c.HTML(text), HTML(src, base); got != want {
		t.Errorf("Cache.HTML(%q) = %q, want %q", src, got, want)
	}
	if got, want := c.Text(text), Text(src); got != want {
		t.Errorf("Cache.Text(%q) = %q, want %q", src, got, want)
	}
	got, gotLinks := c.Spoken(text)
	want, wantLinks := Spoken(src, base)
	if got != want || !reflect.DeepEqual(gotLinks, wantLinks) {
		t.Errorf("Cache.Spoken(%q) = %q %v, want %q %v", src, got, gotLinks, want, wantLinks)
	}
}

func FuzzCache(f *testing.F) {
	for _, src := range cacheInputs {
		f.Add(src)
	}
	base, _ := url.Parse("https://example.org/prayer/")
	f.Fuzz(func(t *testing.T, src string) {
		checkCache(t, NewCache(base), base, src)
	})
}

// FuzzSummary checks Summary against what it stands for: Shorten of the
// words joined by single spaces.
func FuzzSummary(f *testing.F) {
	f.Add("  Pray  for\tthe\n team ", 10)
	f.Add("A very long sentence that goes on and on without any full stop at all", 30)
	f.Add("exactly ten   ", 11)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 1 || max > 1000 {
			return
		}
		want := Shorten(strings.Join(strings.Fields(s), " "), max)
		if got := Summary(s, max); got != want {
			t.Errorf("Summary(%q, %d) = %q, want %q", s, max, got, want)
		}
	})
}

// shortenRef is Shorten as it was first written, by runes: FuzzShorten
// holds the quicker one to it.
func shortenRef(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)[:max-1]
	cut := len(runes)
	for i := len(runes) - 1; i > max/2; i-- {
		if unicode.IsSpace(runes[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(runes[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}

func FuzzShorten(f *testing.F) {
	f.Add("A very long sentence that goes on and on without any full stop at all", 30)
	f.Add("Unbrokenwordthatisfartoolongtofit", 10)
	f.Add("é é é é é é é é é é é, é", 9)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 1 || max > 1000 || !utf8.ValidString(s) {
			return
		}
		if got, want := Shorten(s, max), shortenRef(s, max); got != want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", s, max, got, want)
		}
	})
}

// BenchmarkSummary summarises a point's text, as every feed entry of a
// point does.
func BenchmarkSummary(b *testing.B) {
	s := strings.Repeat("Pray for the survivors of trafficking in Santo Domingo, and for the court\nthat hears their case. ", 8)
	for b.Loop() {
		Summary(s, 200)
	}
}

// tidyRef is tidy as it was first written, a byte at a time: FuzzTidy
// holds the quicker one to it.
func tidyRef(s string) string {
	if strings.Contains(s, "(") {
		s = emptyBrackets.ReplaceAllString(s, "")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' {
			b.WriteByte(c)
			continue
		}
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
			j++
		}
		if j == len(s) || !strings.ContainsRune(".,;:!?)", rune(s[j])) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return strings.TrimLeft(b.String(), " .,;:")
}

func FuzzTidy(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", "a\tb", "a , b", "end ", "end  ", " .lead", "(  ) x", "a (b) c .", "x\t\t.y", "no change here."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tidy(s), tidyRef(s); got != want {
			t.Errorf("tidy(%q) = %q, want %q", s, got, want)
		}
	})
}
