package words

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// messages returns every message the code and the templates look up, by
// their English text: the first argument of a call of T, F or H, or of
// a template's .T, .F or .H.
func messages(t *testing.T) []string {
	t.Helper()
	goCall := regexp.MustCompile(`\.(?:T|F)\(("(?:[^"\\]|\\.)*")`)
	tmplCall := regexp.MustCompile(`\.(?:T|F|H) ("(?:[^"\\]|\\.)*")`)
	seen := map[string]bool{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		var re *regexp.Regexp
		switch {
		case strings.HasSuffix(p, "_test.go"):
			return nil
		case strings.HasSuffix(p, ".go"):
			re = goCall
		case strings.HasSuffix(p, ".html"):
			re = tmplCall
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			msg, err := strconv.Unquote(m[1])
			if err != nil {
				t.Errorf("%s: %s: %v", p, m[1], err)
				continue
			}
			seen[msg] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Messages made up in the code rather than written whole.
	for _, m := range []string{"the first %s", "the second %s", "the third %s", "the fourth %s", "the fifth %s", "the last %s", "the second to last %s"} {
		seen[m] = true
	}
	if len(seen) < 50 {
		t.Fatalf("found only %d messages; is the pattern right?", len(seen))
	}
	var list []string
	for m := range seen {
		list = append(list, m)
	}
	slices.Sort(list)
	return list
}

// TestEveryMessage checks that every language has every message the code
// uses, each with the same verbs (%s, %d) in the same order or numbered,
// and no message the code no longer uses.
func TestEveryMessage(t *testing.T) {
	msgs := messages(t)
	verbs := regexp.MustCompile(`%(?:\[\d\])?[sdq]`)
	for _, tag := range []string{"es", "fr", "pt"} {
		w := languages[tag]
		if w == nil {
			t.Errorf("no language %s", tag)
			continue
		}
		var missing []string
		for _, m := range msgs {
			tr, ok := w.text[m]
			if !ok {
				missing = append(missing, strconv.Quote(m))
				continue
			}
			want, got := verbs.FindAllString(m, -1), verbs.FindAllString(tr, -1)
			if len(want) != len(got) {
				t.Errorf("%s: %q has verbs %v, its translation %q has %v", tag, m, want, tr, got)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d messages:\n%s", tag, len(missing), strings.Join(missing, "\n"))
		}
		for m := range w.text {
			if !slices.Contains(msgs, m) {
				t.Errorf("%s has %q, which nothing uses", tag, m)
			}
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		tag                       string
		date, long, dayMonth, clk string
	}{
		{"en", "27 November 2026", "Friday 27 November 2026", "Friday 27 November", "6:30 pm"},
		{"en-GB", "27 November 2026", "Friday 27 November 2026", "Friday 27 November", "6:30 pm"},
		{"de", "27 November 2026", "Friday 27 November 2026", "Friday 27 November", "6:30 pm"},
		{"es", "27 de noviembre de 2026", "viernes, 27 de noviembre de 2026", "viernes 27 de noviembre", "18:30"},
		{"es-MX", "27 de noviembre de 2026", "viernes, 27 de noviembre de 2026", "viernes 27 de noviembre", "18:30"},
		{"fr", "27 novembre 2026", "vendredi 27 novembre 2026", "vendredi 27 novembre", "18 h 30"},
		{"pt", "27 de novembro de 2026", "sexta-feira, 27 de novembro de 2026", "sexta-feira, 27 de novembro", "18:30"},
		{"pt-BR", "27 de novembro de 2026", "sexta-feira, 27 de novembro de 2026", "sexta-feira, 27 de novembro", "18:30"},
	} {
		w := For(c.tag)
		at := time.Date(2026, 11, 27, 18, 30, 0, 0, time.UTC)
		if got := w.Date(2026, 11, 27); got != c.date {
			t.Errorf("%s: Date = %q, want %q", c.tag, got, c.date)
		}
		if got := w.LongDate(2026, 11, 27); got != c.long {
			t.Errorf("%s: LongDate = %q, want %q", c.tag, got, c.long)
		}
		if got := w.DayMonth(2026, 11, 27); got != c.dayMonth {
			t.Errorf("%s: DayMonth = %q, want %q", c.tag, got, c.dayMonth)
		}
		if got := w.Clock(at); got != c.clk {
			t.Errorf("%s: Clock = %q, want %q", c.tag, got, c.clk)
		}
	}
}

// TestFrenchClock checks that French writes a whole hour without its
// minutes: "9 h", "18 h 30".
func TestFrenchClock(t *testing.T) {
	w := For("fr")
	for _, c := range []struct {
		h, m int
		want string
	}{{9, 0, "9 h"}, {18, 30, "18 h 30"}, {0, 5, "0 h 05"}} {
		if got := w.Clock(time.Date(2026, 11, 27, c.h, c.m, 0, 0, time.UTC)); got != c.want {
			t.Errorf("Clock(%d:%02d) = %q, want %q", c.h, c.m, got, c.want)
		}
	}
}

// TestNth checks an ordinal agrees with its weekday's gender.
func TestNth(t *testing.T) {
	for _, c := range []struct {
		tag  string
		d    time.Weekday
		want string
	}{
		{"en", time.Sunday, "the first Sunday"},
		{"pt", time.Sunday, "no primeiro domingo"},
		{"pt", time.Saturday, "no último sábado"},
		{"pt", time.Thursday, "na primeira quinta-feira"},
		{"es", time.Sunday, For("es").F("the first %s", "domingo")},
	} {
		msg := "the first %s"
		if c.d == time.Saturday {
			msg = "the last %s"
		}
		if got := For(c.tag).Nth(msg, c.d); got != c.want {
			t.Errorf("%s: Nth(%q, %s) = %q, want %q", c.tag, msg, c.d, got, c.want)
		}
	}
}
