package script

import (
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

func TestClock(t *testing.T) {
	tests := []struct {
		h, m int
		want string
	}{
		{0, 0, "midnight"},
		{12, 0, "noon"},
		{9, 0, "9 in the morning"},
		{1, 0, "1 in the morning"},
		{4, 0, "4 in the morning"},
		{11, 0, "11 in the morning"},
		{13, 0, "1 in the afternoon"},
		{17, 0, "5 in the afternoon"},
		{18, 0, "6 in the evening"},
		{20, 0, "8 in the evening"},
		{21, 0, "9 at night"},
		{23, 0, "11 at night"},
		{18, 30, "half past 6 in the evening"},
		{10, 30, "half past 10 in the morning"},
		{10, 15, "quarter past 10 in the morning"},
		{10, 45, "quarter to 11 in the morning"},
		{10, 5, "5 past 10 in the morning"},
		{10, 10, "10 past 10 in the morning"},
		{10, 20, "20 past 10 in the morning"},
		{10, 25, "25 past 10 in the morning"},
		{10, 35, "25 to 11 in the morning"},
		{10, 40, "20 to 11 in the morning"},
		{10, 50, "10 to 11 in the morning"},
		{10, 55, "5 to 11 in the morning"},
		{17, 45, "quarter to 6 in the evening"}, // named by the hour to come
		{20, 45, "quarter to 9 at night"},
		{11, 45, "quarter to noon"},
		{11, 55, "5 to noon"},
		{23, 45, "quarter to midnight"},
		{23, 30, "half past 11 at night"},
		{0, 15, "quarter past midnight"},
		{0, 30, "half past midnight"},
		{0, 45, "quarter to 1 in the morning"},
		{12, 15, "quarter past 12 in the afternoon"},
		{12, 30, "half past 12 in the afternoon"},
		{12, 45, "quarter to 1 in the afternoon"},
		{10, 7, "10:07 in the morning"},
		{0, 7, "12:07 at night"},
		{12, 7, "12:07 in the afternoon"},
		{18, 59, "6:59 in the evening"},
		{23, 59, "11:59 at night"},
	}
	for _, tt := range tests {
		if got := english.clock(tt.h, tt.m); got != tt.want {
			t.Errorf("clock(%02d:%02d) = %q, want %q", tt.h, tt.m, got, tt.want)
		}
	}
}

func date(y int, m time.Month, d int) bulletin.Date { return bulletin.Date{Year: y, Month: m, Day: d} }

func TestDays(t *testing.T) {
	tests := []struct {
		name        string
		first, last bulletin.Date
		year        int
		want        string
	}{
		{"one day", date(2026, 12, 8), bulletin.Date{}, 2026, "all day on Tuesday the 8th of December"},
		{"one day given twice", date(2026, 12, 8), date(2026, 12, 8), 2026, "all day on Tuesday the 8th of December"},
		{"one day in another year", date(2027, 1, 5), bulletin.Date{}, 2026, "all day on Tuesday the 5th of January 2027"},
		{"within a month", date(2026, 12, 1), date(2026, 12, 3), 2026, "from Tuesday the 1st to Thursday the 3rd of December"},
		{"across months", date(2026, 11, 30), date(2026, 12, 2), 2026, "from Monday the 30th of November to Wednesday the 2nd of December"},
		{"across years", date(2026, 12, 31), date(2027, 1, 2), 2026, "from Thursday the 31st of December 2026 to Saturday the 2nd of January 2027"},
		{"within a month of another year", date(2027, 12, 1), date(2027, 12, 3), 2026, "from Wednesday the 1st to Friday the 3rd of December 2027"},
		{"across months of another year", date(2027, 2, 27), date(2027, 3, 1), 2026, "from Saturday the 27th of February to Monday the 1st of March 2027"},
		{"leap day", date(2028, 2, 28), date(2028, 2, 29), 2028, "from Monday the 28th to Tuesday the 29th of February"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := english.days(tt.first, tt.last, tt.year); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestZone(t *testing.T) {
	tests := map[string]string{
		"America/Santo_Domingo":          "Dominican Republic time",
		"America/New_York":               "Eastern time",
		"America/Chicago":                "Central time",
		"Asia/Kolkata":                   "India time",
		"Asia/Manila":                    "Philippine time",
		"Europe/London":                  "UK time",
		"Australia/Sydney":               "Sydney time",
		"America/Argentina/Buenos_Aires": "Buenos Aires time",
		"America/Port-au-Prince":         "Port-au-Prince time",
		"UTC":                            "UTC",
	}
	for name, want := range tests {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := english.zone(loc); got != want {
			t.Errorf("zone(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestWhen(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	sd, kol, lon := zone("America/Santo_Domingo"), zone("Asia/Kolkata"), zone("Europe/London")
	timed := func(loc *time.Location, start, end string) *bulletin.Event {
		parse := func(s string) time.Time {
			v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		return &bulletin.Event{Start: parse(start), End: parse(end), Zone: loc}
	}
	allDay := func(first, last bulletin.Date) *bulletin.Event {
		return &bulletin.Event{AllDay: true, Date: first, Until: last}
	}
	repeating := func(e *bulletin.Event, r bulletin.Repeat) *bulletin.Event {
		e.Repeat = &r
		return e
	}
	tests := []struct {
		name string
		e    *bulletin.Event
		year int
		want string
	}{
		{"morning", timed(sd, "2026-11-30 09:00", "2026-11-30 12:00"), 2026,
			"Monday the 30th of November at 9 in the morning, Dominican Republic time"},
		{"half past", timed(kol, "2026-12-01 10:30", "2026-12-01 13:00"), 2026,
			"Tuesday the 1st of December at half past 10 in the morning, India time"},
		{"evening", timed(lon, "2026-11-29 18:30", "2026-11-29 20:00"), 2026,
			"Sunday the 29th of November at half past 6 in the evening, UK time"},
		{"noon", timed(lon, "2026-06-01 12:00", "2026-06-01 13:00"), 2026,
			"Monday the 1st of June at noon, UK time"},
		{"midnight", timed(lon, "2026-06-01 00:00", "2026-06-01 01:00"), 2026,
			"Monday the 1st of June at midnight, UK time"},
		{"until midnight is the same evening", timed(lon, "2026-06-01 20:00", "2026-06-02 00:00"), 2026,
			"Monday the 1st of June at 8 in the evening, UK time"},
		{"overnight", timed(lon, "2026-06-01 22:00", "2026-06-02 06:00"), 2026,
			"from Monday the 1st of June at 10 at night to Tuesday the 2nd of June at 6 in the morning, UK time"},
		{"over a weekend", timed(lon, "2026-05-01 18:00", "2026-05-03 12:00"), 2026,
			"from Friday the 1st of May at 6 in the evening to Sunday the 3rd of May at noon, UK time"},
		{"next year", timed(sd, "2027-01-17 18:30", "2027-01-17 20:00"), 2026,
			"Sunday the 17th of January 2027 at half past 6 in the evening, Dominican Republic time"},
		{"over new year", timed(lon, "2026-12-31 22:00", "2027-01-01 01:00"), 2026,
			"from Thursday the 31st of December at 10 at night to Friday the 1st of January 2027 at 1 in the morning, UK time"},
		{"in UTC", timed(time.UTC, "2026-06-01 09:15", "2026-06-01 10:00"), 2026,
			"Monday the 1st of June at quarter past 9 in the morning, UTC"},
		{"all day", allDay(date(2026, 12, 8), bulletin.Date{}), 2026,
			"all day on Tuesday the 8th of December"},
		{"several days", allDay(date(2026, 12, 1), date(2026, 12, 3)), 2026,
			"from Tuesday the 1st to Thursday the 3rd of December"},
		{"several days across months", allDay(date(2026, 11, 30), date(2026, 12, 2)), 2026,
			"from Monday the 30th of November to Wednesday the 2nd of December"},
		{"several days across years", allDay(date(2026, 12, 31), date(2027, 1, 2)), 2026,
			"from Thursday the 31st of December 2026 to Saturday the 2nd of January 2027"},
		{"monthly until a day, with an exception", repeating(timed(zone("Australia/Sydney"), "2026-03-12 19:00", "2026-03-12 21:00"),
			bulletin.Repeat{Rule: "FREQ=MONTHLY;BYDAY=2TH", Until: date(2026, 12, 31), Except: []bulletin.Date{date(2026, 4, 9)}}), 2026,
			"Thursday the 12th of March at 7 in the evening, Sydney time, and then every month on the second Thursday until Thursday the 31st of December, except Thursday the 9th of April"},
		{"counted", repeating(timed(zone("Pacific/Auckland"), "2026-03-24 18:00", "2026-03-24 19:30"),
			bulletin.Repeat{Rule: "FREQ=WEEKLY;INTERVAL=2", Count: 6}), 2026,
			"Tuesday the 24th of March at 6 in the evening, Auckland time, and then every 2 weeks, 6 times in all"},
		{"weekly into next year, two exceptions", repeating(allDay(date(2026, 12, 5), bulletin.Date{}),
			bulletin.Repeat{Rule: "FREQ=WEEKLY", Until: date(2027, 1, 30), Except: []bulletin.Date{date(2026, 12, 26), date(2027, 1, 2)}}), 2026,
			"all day on Saturday the 5th of December, and then every week until Saturday the 30th of January 2027, except Saturday the 26th of December and Saturday the 2nd of January 2027"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := english.when(tt.e, tt.year); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestEventWords(t *testing.T) {
	loc, err := time.LoadLocation("America/Santo_Domingo")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 3, 10, 0, 0, 0, loc)
	event := func(kind bulletin.EventKind, status bulletin.Status, title, location string) *bulletin.Event {
		return &bulletin.Event{Kind: kind, Status: status, Title: title, Location: location,
			Start: start, End: start.Add(3 * time.Hour), Zone: loc}
	}
	moved := event(bulletin.Hearing, bulletin.Confirmed, "Trafficking trial", "")
	moved.Start, moved.End = start.AddDate(0, 0, 14), start.AddDate(0, 0, 14).Add(time.Hour)
	const when = "Thursday the 3rd of December at 10 in the morning, Dominican Republic time"
	tests := []struct {
		name     string
		e, early *bulletin.Event
		want     string
	}{
		{"confirmed", event(bulletin.Hearing, bulletin.Confirmed, "Trafficking trial", "Palacio de Justicia, San Cristóbal"), nil,
			"Court hearing: Trafficking trial. " + when + ". Palacio de Justicia, San Cristóbal."},
		{"a title that says hearing", event(bulletin.Hearing, bulletin.Confirmed, "Sex trafficking case hearing", ""), nil,
			"Sex trafficking case hearing. " + when + "."},
		{"no location", event(bulletin.Gathering, bulletin.Confirmed, "Vigil for justice", ""), nil,
			"Prayer gathering: Vigil for justice. " + when + "."},
		{"tentative", event(bulletin.Hearing, bulletin.Tentative, "Trafficking trial", ""), nil,
			"Court hearing, to be confirmed: Trafficking trial. " + when + "."},
		{"tentative, titled a hearing", event(bulletin.Hearing, bulletin.Tentative, "Appeal hearing", ""), nil,
			"Appeal hearing, to be confirmed. " + when + "."},
		{"postponed", event(bulletin.Hearing, bulletin.Postponed, "Sex trafficking case hearing", ""), nil,
			"Sex trafficking case hearing. It was to be heard on " + when + "; it has been postponed, and a new date will be announced."},
		{"cancelled", event(bulletin.Gathering, bulletin.Cancelled, "Local prayer gathering", "Birmingham"), nil,
			"Local prayer gathering. It was to be held on " + when + "; it has been cancelled. Birmingham."},
		{"moved", moved, event(bulletin.Hearing, bulletin.Confirmed, "Trafficking trial", ""),
			"Court hearing: Trafficking trial. It has been moved: it is now on Thursday the 17th of December at 10 in the morning, Dominican Republic time, and was to be heard on " + when + "."},
		{"mentioned again, not moved", event(bulletin.Hearing, bulletin.Confirmed, "Trafficking trial", ""), event(bulletin.Hearing, bulletin.Confirmed, "Trafficking trial", ""),
			"Court hearing: Trafficking trial. " + when + "."},
		{"all day", &bulletin.Event{Kind: bulletin.Hearing, Title: "Trial", AllDay: true, Date: date(2026, 12, 8)}, nil,
			"Court hearing: Trial. All day on Tuesday the 8th of December."},
		{"all day, postponed", &bulletin.Event{Kind: bulletin.Hearing, Status: bulletin.Postponed, Title: "Trial", AllDay: true, Date: date(2026, 12, 8)}, nil,
			"Court hearing: Trial. It was to be heard all day on Tuesday the 8th of December; it has been postponed, and a new date will be announced."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := english.eventWords(tt.e, tt.early, 2026); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestIntroduce(t *testing.T) {
	for title, want := range map[string]string{
		"IJM Prayer Bulletin":  "This is the IJM Prayer Bulletin",
		"Weekly Prayer Points": "This is the Weekly Prayer Points",
		"The Justice Update":   "This is The Justice Update",
		"Prayer Partners UK":   "This is Prayer Partners UK",
		"Pray for Justice":     "This is Pray for Justice",
	} {
		if got := english.introduce(title); got != want {
			t.Errorf("introduce(%q) = %q, want %q", title, got, want)
		}
	}
}
