package no.varde.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.varde.planning.demand.AgeGroup;
import no.varde.planning.demand.AlarmsPerUser;
import no.varde.planning.demand.DemandForecast;
import no.varde.planning.demand.Populations;
import no.varde.planning.demand.UsersPer1000;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Demand to 2050 as XLSX: the projection's persons by age group are inputs, the assumptions named cells, and users
 * {@code =(persons × users per 1 000)/1000}, alarms {@code =ROUND(users × alarmsPerUser,0)} and the region's sums are
 * formulas; FTE and cost per year are Varde's (Erlang per hour of the week cannot live in a cell). Headers frozen.
 */
@Component
class DemandExports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String[] GROUP_NAMES = {"usersAge0to66", "usersAge67to79", "usersAge80to89", "usersAge90plus"};

    private final MessageSource messages;

    DemandExports(MessageSource messages) {
        this.messages = messages;
    }

    byte[] xlsx(
            Map<Integer, Map<String, Map<AgeGroup, Long>>> persons,
            List<DemandForecast.YearDemand> years,
            UsersPer1000 rates,
            AlarmsPerUser perUser,
            Populations.@Nullable ImportInfo source,
            Map<String, String> names,
            Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet region = book.createSheet(text("planning.demand.xlsx.sheet.region", locale));
            Sheet municipalities = book.createSheet(text("planning.demand.xlsx.sheet.municipalities", locale));
            Sheet inputs = book.createSheet(text("planning.xlsx.sheet.assumptions", locale));

            header(
                    inputs.createRow(0),
                    bold,
                    text("planning.xlsx.assumption", locale),
                    text("planning.xlsx.value", locale));
            AgeGroup[] groups = AgeGroup.values();
            for (int g = 0; g < groups.length; g++) {
                Workbooks.named(
                        book,
                        inputs,
                        g + 1,
                        GROUP_NAMES[g],
                        text("planning.demand.xlsx.usersPer1000." + groups[g].name(), locale),
                        rates.of(groups[g]).doubleValue());
                inputs.getRow(g + 1)
                        .createCell(2)
                        .setCellValue(
                                rates.source() == UsersPer1000.Source.REGISTRY
                                        ? messages.getMessage(
                                                "planning.demand.registry.users.short",
                                                new Object[] {rates.users(), rates.baseYear()},
                                                locale)
                                        : text("planning.demand.assumed.users.short", locale));
            }
            Workbooks.named(
                    book,
                    inputs,
                    5,
                    "alarmsPerUser",
                    text("planning.demand.xlsx.alarmsPerUser", locale),
                    perUser.value().doubleValue());
            inputs.getRow(5)
                    .createCell(2)
                    .setCellValue(
                            perUser.source() == AlarmsPerUser.Source.MEASURED
                                    ? messages.getMessage(
                                            "planning.demand.measured.alarms",
                                            new Object[] {
                                                perUser.value(),
                                                perUser.alarms(),
                                                perUser.monthsWithAlarms(),
                                                perUser.from(),
                                                perUser.to(),
                                                perUser.users()
                                            },
                                            locale)
                                    : messages.getMessage(
                                            "planning.demand.assumption.alarms",
                                            new Object[] {
                                                perUser.value(), perUser.alarms(), perUser.from(), perUser.to()
                                            },
                                            locale));
            inputs.createRow(7)
                    .createCell(0)
                    .setCellValue(
                            source == null
                                    ? text("planning.demand.none", locale)
                                    : source.label() + " (" + source.fileName() + ")");
            inputs.createRow(8).createCell(0).setCellValue(text("planning.demand.assumption.staffing", locale));
            inputs.createRow(9).createCell(0).setCellValue(text("planning.demand.assumption.share", locale));
            inputs.setColumnWidth(0, 60 * 256);
            inputs.setColumnWidth(1, 14 * 256);
            inputs.setColumnWidth(2, 90 * 256);
            inputs.createFreezePane(0, 1);

            header(
                    municipalities.createRow(0),
                    bold,
                    text("planning.demand.year", locale),
                    text("planning.demand.xlsx.kommunenummer", locale),
                    text("planning.demand.xlsx.municipality", locale),
                    "0–66",
                    "67–79",
                    "80–89",
                    "90+",
                    text("planning.demand.inhabitants", locale),
                    text("planning.demand.xlsx.users", locale),
                    text("planning.demand.xlsx.alarms", locale),
                    text("planning.figure.fte", locale),
                    text("planning.figure.cost", locale));
            String m = "'" + municipalities.getSheetName() + "'!";
            int r = 1;
            for (DemandForecast.YearDemand year : years) {
                for (DemandForecast.MunicipalityDemand d : year.municipalities()) {
                    Row row = municipalities.createRow(r);
                    int n = r + 1;
                    row.createCell(0).setCellValue(year.year());
                    row.createCell(1).setCellValue(d.kommunenummer());
                    row.createCell(2).setCellValue(names.getOrDefault(d.kommunenummer(), d.kommunenummer()));
                    Map<AgeGroup, Long> byGroup =
                            persons.getOrDefault(year.year(), Map.of()).getOrDefault(d.kommunenummer(), Map.of());
                    for (int g = 0; g < groups.length; g++) {
                        row.createCell(3 + g).setCellValue(byGroup.getOrDefault(groups[g], 0L));
                    }
                    row.createCell(7).setCellFormula("SUM(D" + n + ":G" + n + ")");
                    row.createCell(8)
                            .setCellFormula("(D" + n + "*usersAge0to66+E" + n + "*usersAge67to79+F" + n
                                    + "*usersAge80to89+G" + n + "*usersAge90plus)/1000");
                    row.createCell(9).setCellFormula("ROUND(I" + n + "*alarmsPerUser,0)");
                    row.createCell(10).setCellValue(d.fte().doubleValue());
                    row.createCell(11).setCellValue(d.cost().doubleValue());
                    r++;
                }
            }
            for (int c = 0; c < 12; c++) {
                municipalities.setColumnWidth(c, (c == 2 ? 18 : 13) * 256);
            }
            municipalities.createFreezePane(3, 1);

            header(
                    region.createRow(0),
                    bold,
                    text("planning.demand.year", locale),
                    text("planning.demand.inhabitants", locale),
                    "80+",
                    text("planning.demand.xlsx.users", locale),
                    text("planning.demand.xlsx.alarms", locale),
                    text("planning.figure.fte", locale),
                    text("planning.figure.cost", locale));
            r = 1;
            for (DemandForecast.YearDemand year : years) {
                Row row = region.createRow(r);
                int n = r + 1;
                String sumIf = "SUMIF(" + m + "$A:$A,$A" + n + "," + m;
                row.createCell(0).setCellValue(year.year());
                row.createCell(1).setCellFormula(sumIf + "$H:$H)");
                row.createCell(2).setCellFormula(sumIf + "$F:$F)+" + sumIf + "$G:$G)");
                row.createCell(3).setCellFormula("ROUND(" + sumIf + "$I:$I),0)");
                row.createCell(4).setCellFormula(sumIf + "$J:$J)");
                row.createCell(5).setCellValue(year.fte().doubleValue());
                row.createCell(6).setCellValue(year.cost().doubleValue());
                r++;
            }
            for (int c = 0; c < 7; c++) {
                region.setColumnWidth(c, 16 * 256);
            }
            region.createFreezePane(1, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-PLAN-0051: the demand workbook could not be written", e);
        }
    }

    private static void header(Row row, CellStyle style, String... labels) {
        for (int c = 0; c < labels.length; c++) {
            var cell = row.createCell(c);
            cell.setCellValue(labels[c]);
            cell.setCellStyle(style);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
