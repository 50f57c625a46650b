package bulletin

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// sampleBodies returns the texts of the sample's points: ten requests,
// each another.
func sampleBodies(t *testing.T) []string {
	var bodies []string
	for _, f := range []string{"2026-11-20.yaml", "2026-11-27.yaml"} {
		data, err := os.ReadFile("../../bulletins/2026/" + f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`(?s)body: >-\n(.*?)\n\n`).FindAllStringSubmatch(string(data)+"\n\n", -1) {
			bodies = append(bodies, strings.Join(strings.Fields(m[1]), " "))
		}
	}
	if len(bodies) != 10 {
		t.Fatalf("%d bodies in the sample, want 10", len(bodies))
	}
	return bodies
}

// TestSketch checks that the sketch tells every two requests of the
// sample apart, and knows each again after the edits a writer makes.
func TestSketch(t *testing.T) {
	bodies := sampleBodies(t)
	for i := range bodies {
		for j := i + 1; j < len(bodies); j++ {
			if SketchOf(bodies[i]).Same(SketchOf(bodies[j])) {
				t.Errorf("two requests judged the same (%.2f):\n%.60s…\n%.60s…", SketchOf(bodies[i]).Similarity(SketchOf(bodies[j])), bodies[i], bodies[j])
			}
		}
	}
	for _, b := range bodies {
		w := strings.Fields(b)
		everyFourth := append([]string(nil), w...)
		for k := 0; k < len(everyFourth); k += 4 {
			everyFourth[k] = "changed"
		}
		edits := map[string]string{
			"as it was":              b,
			"a word in four changed": strings.Join(everyFourth, " "),
			"its last third dropped": strings.Join(w[:len(w)*2/3], " "),
			"its halves swapped":     strings.Join(append(append([]string(nil), w[len(w)/2:]...), w[:len(w)/2]...), " "),
			"a sentence added":       b + " Pray also for the families who wait for news, and for the staff who support them.",
			"reformatted":            "*" + strings.ReplaceAll(b, ". ", ".\n\n") + "*",
		}
		for name, e := range edits {
			if !SketchOf(b).Same(SketchOf(e)) {
				t.Errorf("%s: not judged the same (%.2f): %.60s…", name, SketchOf(b).Similarity(SketchOf(e)), b)
			}
		}
	}
}

func TestSketchString(t *testing.T) {
	s := SketchOf("Pray for the hearing in Santo Domingo on Monday.")
	got, err := ParseSketch(s.String())
	if err != nil || got != s || len(s.String()) != 86 {
		t.Errorf("%q read back as %v, %v", s.String(), got, err)
	}
	if _, err := ParseSketch("not base64!"); err == nil {
		t.Error("ParseSketch took a bad string")
	}
}

// sketchByWords is SketchOf as the definition says it, a word at a time:
// the sketches in manifests were made so, and must never change.
func sketchByWords(text string) Sketch {
	var words []uint64
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		x, n := uint64(14695981039346656037), 0
		for _, r := range w {
			for _, c := range []byte(string(unicode.ToLower(r))) {
				x, n = (x^uint64(c))*1099511628211, n+1
			}
		}
		if n > 3 {
			words = append(words, x)
		}
	}
	slices.Sort(words)
	words = slices.Compact(words) // each word once: a set of words
	var s Sketch
	for i := range s {
		least := ^uint64(0)
		for _, x := range words {
			least = min(least, mix(x)+uint64(i)*(mix(x^0x9e3779b97f4a7c15)|1))
		}
		s[i] = byte(least)
	}
	return s
}

// FuzzSketch holds SketchOf to its definition.
func FuzzSketch(f *testing.F) {
	for _, s := range []string{"", "Pray", "Pray for the hearing in Santo Domingo on Monday.", "ÉLAN élan İstanbul ＡＢＣＤ 12345 a\xffbcd\u00e9", "one two three four five six seven eight nine"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := SketchOf(text), sketchByWords(text); got != want {
			t.Errorf("SketchOf(%q) = %v, want %v", text, got, want)
		}
	})
}

// BenchmarkSketch sketches a point of a typical length: every point of
// every build is sketched once.
func BenchmarkSketch(b *testing.B) {
	text := strings.Repeat("Please pray for the trafficking case hearing in Santo Domingo, that the judge rules justly and the survivors are safe. ", 6)
	for b.Loop() {
		SketchOf(text)
	}
}
