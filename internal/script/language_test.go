package script

import (
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// The tests of Spanish, French and Portuguese, one table per function, in
// the shape of the English ones in words_test.go and reference_test.go.

func TestLanguageFor(t *testing.T) {
	for tag, want := range map[string]*language{
		"es": spanish, "es-MX": spanish, "es-419": spanish,
		"fr": french, "fr-CA": french,
		"pt": portuguese, "pt-BR": portuguese,
		"en": english, "en-GB": english, "de": english, "sw": english, "": english, "not a tag": english,
	} {
		if got := languageFor(tag); got != want {
			t.Errorf("languageFor(%q) = %s, want %s", tag, got.words.Tag, want.words.Tag)
		}
	}
}

func TestClockIn(t *testing.T) {
	tests := []struct {
		l    *language
		h, m int
		want string
	}{
		{spanish, 0, 0, "a medianoche"},
		{spanish, 12, 0, "al mediodía"},
		{spanish, 9, 0, "a las 9 de la mañana"},
		{spanish, 1, 0, "a la 1 de la madrugada"},
		{spanish, 5, 0, "a las 5 de la madrugada"},
		{spanish, 13, 0, "a la 1 de la tarde"},
		{spanish, 18, 0, "a las 6 de la tarde"},
		{spanish, 19, 0, "a las 7 de la noche"},
		{spanish, 23, 0, "a las 11 de la noche"},
		{spanish, 18, 30, "a las 6 y media de la tarde"},
		{spanish, 10, 15, "a las 10 y cuarto de la mañana"},
		{spanish, 10, 20, "a las 10 y 20 de la mañana"},
		{spanish, 10, 45, "a las 11 menos cuarto de la mañana"},
		{spanish, 10, 50, "a las 11 menos 10 de la mañana"},
		{spanish, 11, 45, "a las 12 menos cuarto del mediodía"},
		{spanish, 12, 30, "a las 12 y media del mediodía"},
		{spanish, 0, 15, "a las 12 y cuarto de la noche"},
		{spanish, 0, 45, "a la 1 menos cuarto de la madrugada"},
		{spanish, 23, 45, "a las 12 menos cuarto de la noche"},
		{spanish, 10, 7, "a las 10:07 de la mañana"},
		{spanish, 13, 7, "a la 1:07 de la tarde"},
		{spanish, 18, 59, "a las 6:59 de la tarde"},

		{french, 0, 0, "à minuit"},
		{french, 12, 0, "à midi"},
		{french, 9, 0, "à 9 heures"},
		{french, 1, 0, "à 1 heure"},
		{french, 18, 0, "à 18 heures"},
		{french, 18, 30, "à 18 heures 30"},
		{french, 10, 15, "à 10 heures 15"},
		{french, 10, 45, "à 10 heures 45"},
		{french, 1, 5, "à 1 heure 5"},
		{french, 12, 30, "à midi 30"},
		{french, 0, 15, "à minuit 15"},
		{french, 10, 7, "à 10 heures 7"},
		{french, 23, 59, "à 23 heures 59"},

		{portuguese, 0, 0, "à meia-noite"},
		{portuguese, 12, 0, "ao meio-dia"},
		{portuguese, 9, 0, "às 9 da manhã"},
		{portuguese, 1, 0, "à 1 da madrugada"},
		{portuguese, 13, 0, "à 1 da tarde"},
		{portuguese, 18, 0, "às 6 da tarde"},
		{portuguese, 19, 0, "às 7 da noite"},
		{portuguese, 18, 30, "às 6 e meia da tarde"},
		{portuguese, 10, 15, "às 10 e 15 da manhã"},
		{portuguese, 10, 45, "às 10 e 45 da manhã"},
		{portuguese, 12, 30, "ao meio-dia e meia"},
		{portuguese, 0, 15, "à meia-noite e 15"},
		{portuguese, 10, 7, "às 10 e 7 da manhã"},
		{portuguese, 23, 59, "às 11 e 59 da noite"},
	}
	for _, tt := range tests {
		if got := tt.l.clock(tt.h, tt.m); got != tt.want {
			t.Errorf("%s: clock(%02d:%02d) = %q, want %q", tt.l.words.Tag, tt.h, tt.m, got, tt.want)
		}
	}
}

func TestDaysIn(t *testing.T) {
	tests := []struct {
		l           *language
		name        string
		first, last bulletin.Date
		want        string
	}{
		{spanish, "one day", date(2026, 12, 8), bulletin.Date{}, "todo el día el martes 8 de diciembre"},
		{spanish, "one day in another year", date(2027, 1, 5), bulletin.Date{}, "todo el día el martes 5 de enero de 2027"},
		{spanish, "within a month", date(2026, 12, 1), date(2026, 12, 3), "del martes 1 al jueves 3 de diciembre"},
		{spanish, "across months", date(2026, 11, 30), date(2026, 12, 2), "del lunes 30 de noviembre al miércoles 2 de diciembre"},
		{spanish, "across years", date(2026, 12, 31), date(2027, 1, 2), "del jueves 31 de diciembre de 2026 al sábado 2 de enero de 2027"},

		{french, "one day", date(2026, 12, 8), bulletin.Date{}, "le mardi 8 décembre, toute la journée"},
		{french, "the first", date(2026, 12, 1), bulletin.Date{}, "le mardi 1er décembre, toute la journée"},
		{french, "within a month", date(2026, 12, 1), date(2026, 12, 3), "du mardi 1er au jeudi 3 décembre"},
		{french, "across months", date(2026, 11, 30), date(2026, 12, 2), "du lundi 30 novembre au mercredi 2 décembre"},
		{french, "across years", date(2026, 12, 31), date(2027, 1, 2), "du jeudi 31 décembre 2026 au samedi 2 janvier 2027"},

		{portuguese, "one day", date(2026, 12, 8), bulletin.Date{}, "terça-feira, 8 de dezembro, o dia todo"},
		{portuguese, "one day in another year", date(2027, 1, 5), bulletin.Date{}, "terça-feira, 5 de janeiro de 2027, o dia todo"},
		{portuguese, "within a month", date(2026, 12, 1), date(2026, 12, 3), "de terça-feira, 1º até quinta-feira, 3 de dezembro"},
		{portuguese, "across months", date(2026, 11, 30), date(2026, 12, 2), "de segunda-feira, 30 de novembro até quarta-feira, 2 de dezembro"},
		{portuguese, "across years", date(2026, 12, 31), date(2027, 1, 2), "de quinta-feira, 31 de dezembro de 2026 até sábado, 2 de janeiro de 2027"},
	}
	for _, tt := range tests {
		t.Run(tt.l.words.Tag+"/"+tt.name, func(t *testing.T) {
			if got := tt.l.days(tt.first, tt.last, 2026); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestZoneIn(t *testing.T) {
	tests := []struct {
		l          *language
		name, want string
	}{
		{spanish, "America/Santo_Domingo", "hora de República Dominicana"},
		{spanish, "America/New_York", "hora del Este"},
		{spanish, "America/Los_Angeles", "hora del Pacífico"},
		{spanish, "Asia/Kolkata", "hora de la India"},
		{spanish, "Africa/Nairobi", "hora de Kenia"},
		{spanish, "Australia/Sydney", "hora de Sydney"},
		{spanish, "UTC", "UTC"},

		{french, "America/Santo_Domingo", "heure de Saint-Domingue"},
		{french, "Africa/Nairobi", "heure de Nairobi"},
		{french, "Africa/Accra", "heure d’Accra"},
		{french, "Pacific/Auckland", "heure d’Auckland"},
		{french, "Asia/Kolkata", "heure de l’Inde"},
		{french, "America/Argentina/Buenos_Aires", "heure de Buenos Aires"},
		{french, "UTC", "UTC"},

		{portuguese, "Africa/Nairobi", "horário de Nairobi"},
		{portuguese, "Africa/Accra", "horário de Accra"},
		{portuguese, "America/Sao_Paulo", "horário de Brasília"},
		{portuguese, "America/Santo_Domingo", "horário de Santo Domingo"},
		{portuguese, "America/Port-au-Prince", "horário do Haiti"},
		{portuguese, "UTC", "UTC"},
	}
	for _, tt := range tests {
		loc, err := time.LoadLocation(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		if got := tt.l.zone(loc); got != tt.want {
			t.Errorf("%s: zone(%s) = %q, want %q", tt.l.words.Tag, tt.name, got, tt.want)
		}
	}
}

func TestWhenIn(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	sd, kol, lon, syd := zone("America/Santo_Domingo"), zone("Asia/Kolkata"), zone("Europe/London"), zone("Australia/Sydney")
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
	monthly := func() *bulletin.Event {
		return repeating(timed(syd, "2026-03-12 19:00", "2026-03-12 21:00"),
			bulletin.Repeat{Rule: "FREQ=MONTHLY;BYDAY=2TH", Until: date(2026, 12, 31), Except: []bulletin.Date{date(2026, 4, 9)}})
	}
	weekly := func() *bulletin.Event {
		return repeating(allDay(date(2026, 12, 5), bulletin.Date{}),
			bulletin.Repeat{Rule: "FREQ=WEEKLY", Until: date(2027, 1, 30), Except: []bulletin.Date{date(2026, 12, 26), date(2027, 1, 2)}})
	}
	tests := []struct {
		l    *language
		name string
		e    *bulletin.Event
		want string
	}{
		{spanish, "morning", timed(sd, "2026-11-30 09:00", "2026-11-30 12:00"),
			"el lunes 30 de noviembre a las 9 de la mañana, hora de República Dominicana"},
		{spanish, "half past", timed(kol, "2026-12-01 10:30", "2026-12-01 13:00"),
			"el martes 1 de diciembre a las 10 y media de la mañana, hora de la India"},
		{spanish, "noon", timed(lon, "2026-06-01 12:00", "2026-06-01 13:00"),
			"el lunes 1 de junio al mediodía, hora del Reino Unido"},
		{spanish, "midnight", timed(lon, "2026-06-01 00:00", "2026-06-01 01:00"),
			"el lunes 1 de junio a medianoche, hora del Reino Unido"},
		{spanish, "overnight", timed(lon, "2026-06-01 22:00", "2026-06-02 06:00"),
			"del lunes 1 de junio a las 10 de la noche al martes 2 de junio a las 6 de la mañana, hora del Reino Unido"},
		{spanish, "next year", timed(sd, "2027-01-17 18:30", "2027-01-17 20:00"),
			"el domingo 17 de enero de 2027 a las 6 y media de la tarde, hora de República Dominicana"},
		{spanish, "several days", allDay(date(2026, 12, 1), date(2026, 12, 3)),
			"del martes 1 al jueves 3 de diciembre"},
		{spanish, "monthly until a day, with an exception", monthly(),
			"el jueves 12 de marzo a las 7 de la noche, hora de Sydney, y luego cada mes el segundo jueves hasta el jueves 31 de diciembre, excepto el jueves 9 de abril"},
		{spanish, "weekly into next year, two exceptions", weekly(),
			"todo el día el sábado 5 de diciembre, y luego cada semana hasta el sábado 30 de enero de 2027, excepto el sábado 26 de diciembre y el sábado 2 de enero de 2027"},
		{spanish, "counted", repeating(timed(zone("Pacific/Auckland"), "2026-03-24 18:00", "2026-03-24 19:30"), bulletin.Repeat{Rule: "FREQ=WEEKLY;INTERVAL=2", Count: 6}),
			"el martes 24 de marzo a las 6 de la tarde, hora de Auckland, y luego cada 2 semanas, 6 veces en total"},

		{french, "morning", timed(sd, "2026-11-30 09:00", "2026-11-30 12:00"),
			"le lundi 30 novembre à 9 heures, heure de Saint-Domingue"},
		{french, "half past", timed(kol, "2026-12-01 10:30", "2026-12-01 13:00"),
			"le mardi 1er décembre à 10 heures 30, heure de l’Inde"},
		{french, "noon", timed(lon, "2026-06-01 12:00", "2026-06-01 13:00"),
			"le lundi 1er juin à midi, heure de Londres"},
		{french, "overnight", timed(lon, "2026-06-01 22:00", "2026-06-02 06:00"),
			"du lundi 1er juin à 22 heures au mardi 2 juin à 6 heures, heure de Londres"},
		{french, "next year", timed(sd, "2027-01-17 18:30", "2027-01-17 20:00"),
			"le dimanche 17 janvier 2027 à 18 heures 30, heure de Saint-Domingue"},
		{french, "all day", allDay(date(2026, 12, 8), bulletin.Date{}),
			"le mardi 8 décembre, toute la journée"},
		{french, "monthly until a day, with an exception", monthly(),
			"le jeudi 12 mars à 19 heures, heure de Sydney, puis tous les mois le deuxième jeudi jusqu’au jeudi 31 décembre, sauf le jeudi 9 avril"},
		{french, "weekly into next year, two exceptions", weekly(),
			"le samedi 5 décembre, toute la journée, puis toutes les semaines jusqu’au samedi 30 janvier 2027, sauf le samedi 26 décembre et le samedi 2 janvier 2027"},

		{portuguese, "morning", timed(sd, "2026-11-30 09:00", "2026-11-30 12:00"),
			"segunda-feira, 30 de novembro, às 9 da manhã, horário de Santo Domingo"},
		{portuguese, "half past", timed(kol, "2026-12-01 10:30", "2026-12-01 13:00"),
			"terça-feira, 1º de dezembro, às 10 e meia da manhã, horário da Índia"},
		{portuguese, "noon", timed(lon, "2026-06-01 12:00", "2026-06-01 13:00"),
			"segunda-feira, 1º de junho, ao meio-dia, horário de Londres"},
		{portuguese, "overnight", timed(lon, "2026-06-01 22:00", "2026-06-02 06:00"),
			"de segunda-feira, 1º de junho, às 10 da noite até terça-feira, 2 de junho, às 6 da manhã, horário de Londres"},
		{portuguese, "all day", allDay(date(2026, 12, 8), bulletin.Date{}),
			"terça-feira, 8 de dezembro, o dia todo"},
		{portuguese, "monthly until a day, with an exception", monthly(),
			"quinta-feira, 12 de março, às 7 da noite, horário de Sydney, e depois todo mês, na segunda quinta-feira até quinta-feira, 31 de dezembro, exceto quinta-feira, 9 de abril"},
	}
	for _, tt := range tests {
		t.Run(tt.l.words.Tag+"/"+tt.name, func(t *testing.T) {
			if got := tt.l.when(tt.e, 2026); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestEventWordsIn(t *testing.T) {
	loc, err := time.LoadLocation("America/Santo_Domingo")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 12, 3, 10, 0, 0, 0, loc)
	event := func(kind bulletin.EventKind, status bulletin.Status, title, location string) *bulletin.Event {
		return &bulletin.Event{Kind: kind, Status: status, Title: title, Location: location,
			Start: start, End: start.Add(3 * time.Hour), Zone: loc}
	}
	moved := func(title string) (now, early *bulletin.Event) {
		now = event(bulletin.Hearing, bulletin.Confirmed, title, "")
		now.Start, now.End = start.AddDate(0, 0, 14), start.AddDate(0, 0, 14).Add(time.Hour)
		return now, event(bulletin.Hearing, bulletin.Confirmed, title, "")
	}
	allDay := func(kind bulletin.EventKind, status bulletin.Status, title string, first, last bulletin.Date) *bulletin.Event {
		return &bulletin.Event{Kind: kind, Status: status, Title: title, AllDay: true, Date: first, Until: last}
	}
	const (
		es = "el jueves 3 de diciembre a las 10 de la mañana, hora de República Dominicana"
		fr = "le jeudi 3 décembre à 10 heures, heure de Saint-Domingue"
		pt = "quinta-feira, 3 de dezembro, às 10 da manhã, horário de Santo Domingo"
	)
	esMoved, esEarly := moved("Juicio por trata")
	frMoved, frEarly := moved("Procès pour traite")
	ptMoved, ptEarly := moved("Julgamento por tráfico")
	tests := []struct {
		l        *language
		name     string
		e, early *bulletin.Event
		want     string
	}{
		{spanish, "confirmed", event(bulletin.Hearing, bulletin.Confirmed, "Juicio por trata", "Palacio de Justicia, San Cristóbal"), nil,
			"Audiencia judicial: Juicio por trata. El " + es[3:] + ". Palacio de Justicia, San Cristóbal."},
		{spanish, "a title that says audiencia", event(bulletin.Hearing, bulletin.Confirmed, "Audiencia de apelación", ""), nil,
			"Audiencia de apelación. El " + es[3:] + "."},
		{spanish, "tentative", event(bulletin.Gathering, bulletin.Tentative, "Vigilia por la justicia", ""), nil,
			"Reunión de oración, por confirmar: Vigilia por la justicia. El " + es[3:] + "."},
		{spanish, "postponed", event(bulletin.Hearing, bulletin.Postponed, "Audiencia del caso de trata", ""), nil,
			"Audiencia del caso de trata. Iba a celebrarse " + es + "; se ha aplazado y se anunciará una nueva fecha."},
		{spanish, "cancelled", event(bulletin.Gathering, bulletin.Cancelled, "Vigilia", "Santo Domingo"), nil,
			"Reunión de oración: Vigilia. Iba a celebrarse " + es + "; se ha cancelado. Santo Domingo."},
		{spanish, "moved", esMoved, esEarly,
			"Audiencia judicial: Juicio por trata. Se ha reprogramado: ahora es el jueves 17 de diciembre a las 10 de la mañana, hora de República Dominicana, y antes iba a celebrarse " + es + "."},
		{spanish, "all day, postponed", allDay(bulletin.Hearing, bulletin.Postponed, "Juicio", date(2026, 12, 8), bulletin.Date{}), nil,
			"Audiencia judicial: Juicio. Iba a celebrarse todo el día el martes 8 de diciembre; se ha aplazado y se anunciará una nueva fecha."},

		{french, "confirmed", event(bulletin.Hearing, bulletin.Confirmed, "Procès pour traite", "Palais de justice, San Cristóbal"), nil,
			"Audience au tribunal : Procès pour traite. Le " + fr[3:] + ". Palais de justice, San Cristóbal."},
		{french, "a title that says audience", event(bulletin.Hearing, bulletin.Confirmed, "Audience d’appel", ""), nil,
			"Audience d’appel. Le " + fr[3:] + "."},
		{french, "tentative", event(bulletin.Hearing, bulletin.Tentative, "Procès pour traite", ""), nil,
			"Audience au tribunal, à confirmer : Procès pour traite. Le " + fr[3:] + "."},
		{french, "postponed", event(bulletin.Hearing, bulletin.Postponed, "Procès pour traite", ""), nil,
			"Audience au tribunal : Procès pour traite. L’audience devait se tenir " + fr + " ; elle a été reportée et une nouvelle date sera annoncée."},
		{french, "cancelled", event(bulletin.Gathering, bulletin.Cancelled, "Veillée", "Port-au-Prince"), nil,
			"Rencontre de prière : Veillée. La rencontre devait avoir lieu " + fr + " ; elle a été annulée. Port-au-Prince."},
		{french, "moved", frMoved, frEarly,
			"Audience au tribunal : Procès pour traite. L’audience a été reprogrammée : elle aura lieu le jeudi 17 décembre à 10 heures, heure de Saint-Domingue, et non plus " + fr + "."},
		{french, "all day, postponed", allDay(bulletin.Hearing, bulletin.Postponed, "Procès", date(2026, 12, 8), bulletin.Date{}), nil,
			"Audience au tribunal : Procès. L’audience devait se tenir le mardi 8 décembre, toute la journée ; elle a été reportée et une nouvelle date sera annoncée."},

		{portuguese, "confirmed", event(bulletin.Hearing, bulletin.Confirmed, "Julgamento por tráfico", "Palácio da Justiça, San Cristóbal"), nil,
			"Audiência judicial: Julgamento por tráfico. Quinta-feira, 3 de dezembro, às 10 da manhã, horário de Santo Domingo. Palácio da Justiça, San Cristóbal."},
		{portuguese, "tentative", event(bulletin.Hearing, bulletin.Tentative, "Julgamento por tráfico", ""), nil,
			"Audiência judicial, a confirmar: Julgamento por tráfico. Quinta-feira, 3 de dezembro, às 10 da manhã, horário de Santo Domingo."},
		{portuguese, "postponed", event(bulletin.Hearing, bulletin.Postponed, "Julgamento por tráfico", ""), nil,
			"Audiência judicial: Julgamento por tráfico. A audiência estava marcada para " + pt + "; foi adiada e uma nova data será anunciada."},
		{portuguese, "cancelled, a title that says reunião", event(bulletin.Gathering, bulletin.Cancelled, "Reunião local de oração", "Recife"), nil,
			"Reunião local de oração. A reunião estava marcada para " + pt + "; foi cancelada. Recife."},
		{portuguese, "moved", ptMoved, ptEarly,
			"Audiência judicial: Julgamento por tráfico. A audiência foi remarcada: agora está marcada para quinta-feira, 17 de dezembro, às 10 da manhã, horário de Santo Domingo, e não mais para " + pt + "."},
		{portuguese, "several days, cancelled", allDay(bulletin.Gathering, bulletin.Cancelled, "Conferência", date(2026, 12, 1), date(2026, 12, 3)), nil,
			"Reunião de oração: Conferência. A reunião estava marcada de terça-feira, 1º até quinta-feira, 3 de dezembro; foi cancelada."},
		{portuguese, "all day, postponed", allDay(bulletin.Hearing, bulletin.Postponed, "Julgamento", date(2026, 12, 8), bulletin.Date{}), nil,
			"Audiência judicial: Julgamento. A audiência estava marcada para terça-feira, 8 de dezembro, o dia todo; foi adiada e uma nova data será anunciada."},
	}
	for _, tt := range tests {
		t.Run(tt.l.words.Tag+"/"+tt.name, func(t *testing.T) {
			if got := tt.l.eventWords(tt.e, tt.early, 2026); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReferenceIn(t *testing.T) {
	tests := []struct {
		l         *language
		ref, want string
	}{
		{spanish, "Jeremías 20:13", "Jeremías, capítulo 20, versículo 13"},
		{spanish, "Hebreos 10:29-31", "Hebreos, capítulo 10, versículos 29 al 31"},
		{spanish, "Isaías 58-59", "Isaías, capítulos 58 al 59"},
		{spanish, "Isaías 58, 61", "Isaías, capítulos 58 y 61"},
		{spanish, "Juan 3:16-4:2", "Juan, del capítulo 3, versículo 16, al capítulo 4, versículo 2"},
		{spanish, "Romanos 8:28, 31-39", "Romanos, capítulo 8, versículos 28 y 31 al 39"},
		{spanish, "Éxodo 3:7", "Éxodo, capítulo 3, versículo 7"},
		{spanish, "1 Juan 3:16", "Primera de Juan, capítulo 3, versículo 16"},
		{spanish, "1ª Juan 3:16", "Primera de Juan, capítulo 3, versículo 16"},
		{spanish, "2 Corintios 5:17-21", "Segunda de Corintios, capítulo 5, versículos 17 al 21"},
		{spanish, "1 Samuel 17:45", "Primero de Samuel, capítulo 17, versículo 45"},
		{spanish, "2 Reyes 6:17", "Segundo de Reyes, capítulo 6, versículo 17"},
		{spanish, "3 Juan 4", "Tercera de Juan, versículo 4"},
		{spanish, "Segunda de Juan 6", "Segunda de Juan, versículo 6"},
		{spanish, "Judas 24-25", "Judas, versículos 24 al 25"},
		{spanish, "Abdías 15", "Abdías, versículo 15"},
		{spanish, "Filemón 1:4-7", "Filemón, versículos 4 al 7"},
		{spanish, "Salmo 23", "Salmo 23"},
		{spanish, "Salmos 82:3-4", "Salmo 82, versículos 3 al 4"},
		{spanish, "Sal 120-134", "Salmos 120 al 134"},
		{spanish, "Salmos 23, 24", "Salmos 23 y 24"},
		{spanish, "Salmo 23:6-24:1", "del Salmo 23, versículo 6, al Salmo 24, versículo 1"},
		{spanish, "Miqueas 6:8; Isaías 1:17", "Miqueas, capítulo 6, versículo 8, y Isaías, capítulo 1, versículo 17"},
		{spanish, "Mateo 5:3-12; 6:9", "Mateo, capítulo 5, versículos 3 al 12, y capítulo 6, versículo 9"},

		{french, "Jérémie 20.13", "Jérémie, chapitre 20, verset 13"},
		{french, "Hébreux 10:29-31", "Hébreux, chapitre 10, versets 29 à 31"},
		{french, "Ésaïe 58-59", "Ésaïe, chapitres 58 à 59"},
		{french, "Jean 3.16-4.2", "Jean, du chapitre 3, verset 16, au chapitre 4, verset 2"},
		{french, "Romains 8.28, 31", "Romains, chapitre 8, versets 28 et 31"},
		{french, "1 Jean 3.16", "Premier Jean, chapitre 3, verset 16"},
		{french, "1re Jean 3:16", "Premier Jean, chapitre 3, verset 16"},
		{french, "2 Corinthiens 5.17", "Deuxième Corinthiens, chapitre 5, verset 17"},
		{french, "1 Rois 19.12", "Premier Rois, chapitre 19, verset 12"},
		{french, "3 Jean 4", "Troisième Jean, verset 4"},
		{french, "Jude 3", "Jude, verset 3"},
		{french, "Philémon 4-7", "Philémon, versets 4 à 7"},
		{french, "Abdias 15", "Abdias, verset 15"},
		{french, "Psaume 23", "Psaume 23"},
		{french, "Psaumes 82.3-4", "Psaume 82, versets 3 à 4"},
		{french, "Ps 120-134", "Psaumes 120 à 134"},
		{french, "Psaume 23:6-24:1", "du Psaume 23, verset 6, au Psaume 24, verset 1"},
		{french, "Michée 6.8 ; Ésaïe 1.17", "Michée, chapitre 6, verset 8, et Ésaïe, chapitre 1, verset 17"},

		{portuguese, "Jeremias 20:13", "Jeremias, capítulo 20, versículo 13"},
		{portuguese, "Hebreus 10:29-31", "Hebreus, capítulo 10, versículos 29 a 31"},
		{portuguese, "João 3:16-4:2", "João, do capítulo 3, versículo 16, ao capítulo 4, versículo 2"},
		{portuguese, "1 João 3:16", "Primeira João, capítulo 3, versículo 16"},
		{portuguese, "2 Coríntios 5:17", "Segunda Coríntios, capítulo 5, versículo 17"},
		{portuguese, "1 Samuel 17:45-47", "Primeiro Samuel, capítulo 17, versículos 45 a 47"},
		{portuguese, "1º Reis 19:12", "Primeiro Reis, capítulo 19, versículo 12"},
		{portuguese, "2 João 6", "Segunda João, versículo 6"},
		{portuguese, "Judas 3", "Judas, versículo 3"},
		{portuguese, "Obadias 15", "Obadias, versículo 15"},
		{portuguese, "Filemom 4-7", "Filemom, versículos 4 a 7"},
		{portuguese, "Salmos 23", "Salmo 23"},
		{portuguese, "Sl 82:3-4", "Salmo 82, versículos 3 a 4"},
		{portuguese, "Salmos 120-134", "Salmos 120 a 134"},
		{portuguese, "Salmo 23:6-24:1", "do Salmo 23, versículo 6, ao Salmo 24, versículo 1"},
		{portuguese, "Miqueias 6:8; Isaías 1:17", "Miqueias, capítulo 6, versículo 8, e Isaías, capítulo 1, versículo 17"},
	}
	for _, tt := range tests {
		if got := tt.l.reference(tt.ref); got != tt.want {
			t.Errorf("%s: reference(%q)\n got %q\nwant %q", tt.l.words.Tag, tt.ref, got, tt.want)
		}
	}
}

func TestIntroduceIn(t *testing.T) {
	tests := []struct {
		l           *language
		title, want string
	}{
		{spanish, "Boletín de Oración de IJM", "Este es el Boletín de Oración de IJM"},
		{spanish, "Carta de oración", "Esta es la Carta de oración"},
		{spanish, "Motivos de oración", "Estos son los Motivos de oración"},
		{spanish, "Noticias de IJM", "Estas son las Noticias de IJM"},
		{spanish, "La Voz de la Justicia", "Esta es La Voz de la Justicia"},
		{spanish, "Oremos Juntos", "Este es Oremos Juntos"},

		{french, "Bulletin de prière d’IJM", "Voici le Bulletin de prière d’IJM"},
		{french, "Lettre de prière", "Voici la Lettre de prière"},
		{french, "Infolettre de prière", "Voici l’Infolettre de prière"},
		{french, "Nouvelles de prière", "Voici les Nouvelles de prière"},
		{french, "L’Écho de la prière", "Voici L’Écho de la prière"},
		{french, "Prions ensemble", "Voici Prions ensemble"},

		{portuguese, "Boletim de Oração da IJM", "Este é o Boletim de Oração da IJM"},
		{portuguese, "Carta de Oração", "Esta é a Carta de Oração"},
		{portuguese, "Motivos de oração", "Estes são os Motivos de oração"},
		{portuguese, "Notícias da IJM", "Estas são as Notícias da IJM"},
		{portuguese, "Orando Juntos", "Este é Orando Juntos"},
	}
	for _, tt := range tests {
		if got := tt.l.introduce(tt.title); got != tt.want {
			t.Errorf("%s: introduce(%q) = %q, want %q", tt.l.words.Tag, tt.title, got, tt.want)
		}
	}
}
