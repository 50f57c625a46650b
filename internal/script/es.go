package script

import (
	"fmt"
	"strconv"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// spanish is Latin-American Spanish: "el lunes 30 de noviembre a las 9 de
// la mañana, hora de República Dominicana". The day of the month is its
// number, which a reader says as Latin America does ("1 de diciembre" is
// "primero de diciembre"). Audiencias and reuniones are both feminine,
// but the sentences about them are worded to need no agreement.
var spanish = &language{
	words:      words.For("es"),
	ordinal:    strconv.Itoa,
	dayOfMonth: "%[1]s %[2]s", ofMonth: "%[1]s de %[2]s", withYear: "%s de %d", theDay: "el %s",
	allDayOn: "todo el día el %s", fromTo: "del %s al %s", at: "%s %s",
	clock:   spanishClock,
	andThen: "%s, y luego %s", timesInAll: ", %d veces en total", until: " hasta el %s", except: ", excepto %s", and: " y ",
	chapter: "capítulo", chapters: "capítulos", psalm: "Salmo", psalms: "Salmos", verse: "versículo", verses: "versículos",
	span: "%s al %s", across: "del %s al %s", clauses: "%s, y %s",
	numbered: "%s de %s", numbers: [3]string{"Primera", "Segunda", "Tercera"}, bookNumbers: [3]string{"Primero", "Segundo", "Tercero"},
	opening: map[string]string{"": "Este es %s", "la ": "Esta es %s", "una ": "Esta es %s", "los ": "Estos son %s", "las ": "Estas son %s"},
	from:    ", de %s", forDate: ", del %s.", reading: "Nuestra lectura bíblica es %s", in: ", en %s", versionArticle: "la ",
	articles: map[string]string{
		"boletín": "el ", "boletin": "el ", "diario": "el ", "informe": "el ", "resumen": "el ", "mensaje": "el ",
		"carta": "la ", "actualización": "la ", "hoja": "la ", "circular": "la ",
		"motivos": "los ", "pedidos": "los ", "noticias": "las ", "novedades": "las ", "peticiones": "las ",
	},
	determiners: []string{"el", "la", "los", "las", "un", "una"},
	zones: map[string]string{
		"America/New_York": "hora del Este", "America/Detroit": "hora del Este", "America/Toronto": "hora del Este",
		"America/Chicago": "hora del Centro", "America/Winnipeg": "hora del Centro",
		"America/Denver": "hora de la Montaña", "America/Edmonton": "hora de la Montaña", "America/Phoenix": "hora de Arizona",
		"America/Los_Angeles": "hora del Pacífico", "America/Vancouver": "hora del Pacífico",
		"America/Anchorage": "hora de Alaska", "Pacific/Honolulu": "hora de Hawái",
		"America/Mexico_City": "hora del centro de México", "Europe/Madrid": "hora de España",
		"Europe/London": "hora del Reino Unido", "Asia/Kolkata": "hora de la India", "Asia/Manila": "hora de Filipinas",
		"Asia/Dhaka": "hora de Bangladés", "Asia/Karachi": "hora de Pakistán", "Asia/Kathmandu": "hora de Nepal",
		"Asia/Bangkok": "hora de Tailandia", "Asia/Ho_Chi_Minh": "hora de Vietnam", "Asia/Phnom_Penh": "hora de Camboya",
		"Africa/Nairobi": "hora de Kenia", "Africa/Kampala": "hora de Uganda", "Africa/Dar_es_Salaam": "hora de Tanzania",
		"Africa/Kigali": "hora de Ruanda", "Africa/Lagos": "hora de Nigeria", "Africa/Accra": "hora de Ghana",
		"Africa/Johannesburg": "hora de Sudáfrica",
		"America/Guatemala":   "hora de Guatemala", "America/Santo_Domingo": "hora de República Dominicana",
		"America/La_Paz": "hora de Bolivia", "America/Lima": "hora del Perú", "America/Bogota": "hora de Colombia",
		"America/Tegucigalpa": "hora de Honduras", "America/El_Salvador": "hora de El Salvador",
		"America/Managua": "hora de Nicaragua", "America/Costa_Rica": "hora de Costa Rica", "America/Panama": "hora de Panamá",
		"America/Port-au-Prince": "hora de Haití", "America/Caracas": "hora de Venezuela", "America/Guayaquil": "hora de Ecuador",
		"America/Santiago": "hora de Chile", "America/Argentina/Buenos_Aires": "hora de Argentina",
		"America/Asuncion": "hora de Paraguay", "America/Montevideo": "hora de Uruguay", "America/Sao_Paulo": "hora de Brasilia",
	},
	cityTime: "hora de %s",
	kindWord: map[bulletin.EventKind]string{bulletin.Hearing: "audiencia", bulletin.Gathering: "reunión"},
	labelled: "%s: %s", tentative: ", por confirmar",
	on: "%s",
	postponed: map[bulletin.EventKind]string{
		bulletin.Hearing:   "Iba a celebrarse %[1]s; se ha aplazado y se anunciará una nueva fecha.",
		bulletin.Gathering: "Iba a celebrarse %[1]s; se ha aplazado y se anunciará una nueva fecha.",
	},
	cancelled: map[bulletin.EventKind]string{
		bulletin.Hearing:   "Iba a celebrarse %[1]s; se ha cancelado.",
		bulletin.Gathering: "Iba a celebrarse %[1]s; se ha cancelado.",
	},
	moved: map[bulletin.EventKind]string{
		bulletin.Hearing:   "Se ha reprogramado: ahora es %[2]s, y antes iba a celebrarse %[1]s.",
		bulletin.Gathering: "Se ha reprogramado: ahora es %[2]s, y antes iba a celebrarse %[1]s.",
	},
	scripture: "Lectura bíblica", closing: "Cierre", links: "Enlaces (no se leen en voz alta)", thisBulletin: "Este boletín",
}

// spanishClock says a time of day as Latin America does, after "a":
// "a las 9 de la mañana", "a la 1 de la tarde", "a las 6 y media de la
// tarde", "a las 11 menos cuarto de la mañana", "al mediodía", "a
// medianoche", "a las 12 y cuarto de la noche"; a time off the five
// minutes as "a las 10:07 de la mañana".
func spanishClock(h, m int) string {
	switch {
	case h == 0 && m == 0:
		return "a medianoche"
	case h == 12 && m == 0:
		return "al mediodía"
	case m == 0:
		return spanishHour(h) + " " + spanishPeriod(h)
	case m%5 != 0:
		return fmt.Sprintf("%s:%02d %s", spanishHour(h), m, spanishPeriod(h))
	case m <= 30:
		return spanishHour(h) + " y " + spanishMinutes(m) + " " + spanishPeriod(h)
	}
	h = (h + 1) % 24
	return spanishHour(h) + " menos " + spanishMinutes(60-m) + " " + spanishPeriod(h)
}

// spanishHour says "a las" and an hour on the twelve-hour clock: "a las
// 9", "a la 1".
func spanishHour(h int) string {
	if twelve(h) == 1 {
		return "a la 1"
	}
	return fmt.Sprintf("a las %d", twelve(h))
}

// spanishPeriod names the part of the day of an hour from 0 to 23: "de la
// madrugada" until 6, and "de la noche" from 7 in the evening.
func spanishPeriod(h int) string {
	switch {
	case h == 0 || h >= 19:
		return "de la noche"
	case h < 6:
		return "de la madrugada"
	case h < 12:
		return "de la mañana"
	case h == 12:
		return "del mediodía"
	}
	return "de la tarde"
}

func spanishMinutes(m int) string {
	switch m {
	case 15:
		return "cuarto"
	case 30:
		return "media"
	}
	return strconv.Itoa(m)
}
