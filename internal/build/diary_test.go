package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDiaryDays builds the sample, then makes a point private after its
// day was announced: the day keeps its UID, takes another point with a
// higher SEQUENCE, and the private point's words are nowhere in the
// diary. Taking a bulletin back keeps its days as cancelled.
func TestDiaryDays(t *testing.T) {
	dir := t.TempDir()
	src, out := filepath.Join(dir, "bulletins"), filepath.Join(dir, "public")
	copyDir(t, sites[0].src, src)
	day := func(uid string) (summary, sequence, status string) {
		data, err := os.ReadFile(filepath.Join(out, "calendars", "diary.ics"))
		if err != nil {
			t.Fatal(err)
		}
		unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
		for _, ev := range strings.Split(unfolded, "BEGIN:VEVENT")[1:] {
			if !strings.Contains(ev, "UID:"+uid+"\r\n") {
				continue
			}
			field := func(name string) string {
				m := regexp.MustCompile(`(?m)^` + name + `:(.*)\r$`).FindStringSubmatch(ev)
				if m == nil {
					return ""
				}
				return m[1]
			}
			return field("SUMMARY"), field("SEQUENCE"), field("STATUS")
		}
		t.Fatalf("no day %s in the diary", uid)
		return
	}
	run(t, src, out, sites[0].now)
	if s, seq, _ := day("2026-11-27.diary@prayer.example.org"); s != "Community dialogue on police abuse in Nairobi" || seq != "0" {
		t.Errorf("27 November: %q, SEQUENCE %s", s, seq)
	}
	if s, _, _ := day("2026-11-28.diary@prayer.example.org"); s != "Casework partnership in Bolivia" {
		t.Errorf("28 November: %q", s)
	}

	b := filepath.Join(src, "2026", "2026-11-27.yaml")
	data, _ := os.ReadFile(b)
	os.WriteFile(b, bytes.Replace(data, []byte("    title: Community dialogue on police abuse in Nairobi\n"),
		[]byte("    title: Community dialogue on police abuse in Nairobi\n    private: true\n"), 1), 0o644)
	run(t, src, out, sites[0].now)
	if s, seq, _ := day("2026-11-27.diary@prayer.example.org"); s != "Casework partnership in Bolivia" || seq != "1" {
		t.Errorf("27 November, its point made private: %q, SEQUENCE %s; want the next point, SEQUENCE 1", s, seq)
	}
	if diary, _ := os.ReadFile(filepath.Join(out, "calendars", "diary.ics")); bytes.Contains(diary, []byte("Nairobi")) {
		t.Errorf("the private point is in the diary")
	}
	run(t, src, out, sites[0].now)
	if _, seq, _ := day("2026-11-27.diary@prayer.example.org"); seq != "1" {
		t.Errorf("27 November rebuilt with nothing changed: SEQUENCE %s, want 1", seq)
	}

	os.Remove(filepath.Join(src, "2026", "2026-11-20.yaml"))
	run(t, src, out, sites[0].now)
	if s, seq, status := day("2026-11-20.diary@prayer.example.org"); status != "CANCELLED" || seq != "1" || s != "Prayer diary (cancelled)" {
		t.Errorf("20 November, its bulletin taken back: %q, SEQUENCE %s, %s", s, seq, status)
	}

	// Every bulletin taken back: every day cancelled, dated as the other
	// calendars date what has no bulletin, never the year 1.
	os.Remove(filepath.Join(src, "2026", "2026-11-27.yaml"))
	os.Remove(filepath.Join(src, "2026", "2026-11-27.es.yaml")) // a translation goes with its bulletin
	run(t, src, out, sites[0].now)
	if _, _, status := day("2026-11-28.diary@prayer.example.org"); status != "CANCELLED" {
		t.Errorf("28 November, every bulletin taken back: %s", status)
	}
	if diary, _ := os.ReadFile(filepath.Join(out, "calendars", "diary.ics")); bytes.Contains(diary, []byte(":0001")) {
		t.Errorf("the diary is dated in the year 1:\n%s", diary)
	}
}
