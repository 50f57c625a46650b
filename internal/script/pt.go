package script

import (
	"fmt"
	"strconv"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// portuguese is Brazilian Portuguese: "segunda-feira, 30 de novembro, às 9
// da manhã, horário de Santo Domingo", and "1º de dezembro", as Brazil
// says the first of a month. An audiência is feminine and an encontro
// masculine: the sentences about them agree with them. Weekdays are
// said without an article, which would agree with them too ("na
// segunda-feira", "no sábado").
var portuguese = &language{
	words:      words.For("pt"),
	ordinal:    portugueseOrdinal,
	dayOfMonth: "%[1]s, %[2]s", ofMonth: "%[1]s de %[2]s", withYear: "%s de %d", theDay: "%s",
	allDayOn: "%s, o dia todo", fromTo: "de %s até %s", at: "%s, %s",
	clock:   portugueseClock,
	andThen: "%s, e depois %s", timesInAll: ", %d vezes no total", until: " até %s", except: ", exceto %s", and: " e ",
	chapter: "capítulo", chapters: "capítulos", psalm: "Salmo", psalms: "Salmos", verse: "versículo", verses: "versículos",
	span: "%s a %s", across: "do %s ao %s", clauses: "%s, e %s",
	numbered: "%s %s", numbers: [3]string{"Primeira", "Segunda", "Terceira"}, bookNumbers: [3]string{"Primeiro", "Segundo", "Terceiro"},
	opening: map[string]string{"": "Este é %s", "a ": "Esta é %s", "uma ": "Esta é %s", "os ": "Estes são %s", "as ": "Estas são %s"},
	from:    ", de %s", forDate: ", edição de %s.", reading: "Nossa leitura bíblica é %s", in: ", na %s", versionArticle: "",
	articles: map[string]string{
		"boletim": "o ", "informativo": "o ", "diário": "o ", "resumo": "o ",
		"carta": "a ", "atualização": "a ", "notícias": "as ", "novidades": "as ", "motivos": "os ", "pedidos": "os ",
	},
	determiners: []string{"o", "a", "os", "as", "um", "uma"},
	zones: map[string]string{
		"America/Sao_Paulo": "horário de Brasília", "America/New_York": "horário de Nova York",
		"America/Mexico_City": "horário da Cidade do México", "America/Guatemala": "horário da Guatemala",
		"America/Bogota": "horário de Bogotá", "America/Port-au-Prince": "horário do Haiti", "Pacific/Honolulu": "horário do Havaí",
		"Europe/London": "horário de Londres", "Europe/Lisbon": "horário de Lisboa",
		"Africa/Maputo": "horário de Moçambique", "Africa/Luanda": "horário de Angola", "Africa/Johannesburg": "horário da África do Sul",
		"Asia/Kolkata": "horário da Índia", "Asia/Ho_Chi_Minh": "horário do Vietnã",
	},
	cityTime: "horário de %s",
	kindWord: map[bulletin.EventKind]string{bulletin.Hearing: "audiência", bulletin.Gathering: "reunião"},
	labelled: "%s: %s", tentative: ", a confirmar",
	on: "para %s",
	postponed: map[bulletin.EventKind]string{
		bulletin.Hearing:   "A audiência estava marcada %[1]s; foi adiada e uma nova data será anunciada.",
		bulletin.Gathering: "A reunião estava marcada %[1]s; foi adiada e uma nova data será anunciada.",
	},
	cancelled: map[bulletin.EventKind]string{
		bulletin.Hearing:   "A audiência estava marcada %[1]s; foi cancelada.",
		bulletin.Gathering: "A reunião estava marcada %[1]s; foi cancelada.",
	},
	moved: map[bulletin.EventKind]string{
		bulletin.Hearing:   "A audiência foi remarcada: agora está marcada %[2]s, e não mais %[1]s.",
		bulletin.Gathering: "A reunião foi remarcada: agora está marcada %[2]s, e não mais %[1]s.",
	},
	scripture: "Leitura bíblica", closing: "Encerramento", links: "Links (não ler em voz alta)", thisBulletin: "Este boletim",
}

// portugueseOrdinal says the day of a month: "1º", "2", "30".
func portugueseOrdinal(day int) string {
	if day == 1 {
		return "1º"
	}
	return strconv.Itoa(day)
}

// portugueseClock says a time of day as Brazil does, after "às": "às 9 da
// manhã", "à 1 da tarde", "às 6 e meia da tarde", "às 10 e 45 da manhã",
// "às 10 e 7 da manhã", "ao meio-dia", "ao meio-dia e meia", "à
// meia-noite".
func portugueseClock(h, m int) string {
	var s string
	switch {
	case h == 0:
		s = "à meia-noite"
	case h == 12:
		s = "ao meio-dia"
	case twelve(h) == 1:
		s = "à 1"
	default:
		s = fmt.Sprintf("às %d", twelve(h))
	}
	switch {
	case m == 30:
		s += " e meia"
	case m > 0:
		s += " e " + strconv.Itoa(m)
	}
	if h != 0 && h != 12 {
		s += " " + portuguesePeriod(h)
	}
	return s
}

// portuguesePeriod names the part of the day of an hour from 1 to 23 but
// 12: "da madrugada" until 6, "da noite" from 7 in the evening.
func portuguesePeriod(h int) string {
	switch {
	case h < 6:
		return "da madrugada"
	case h < 12:
		return "da manhã"
	case h < 19:
		return "da tarde"
	}
	return "da noite"
}
