package no.varde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NationalIdUnitTests {

    @Test
    void acceptsNumbersWithCorrectCheckDigits() {
        String id = NationalId.withCheckDigits("010180" + "123");
        assertThat(NationalId.isValid(id)).isTrue();
        assertThat(new NationalId(id).masked()).isEqualTo("010180 *****");
    }

    @Test
    void acceptsSyntheticAndDNumbers() {
        assertThat(NationalId.isValid(NationalId.withCheckDigits("158140" + "100")))
                .isTrue();
        assertThat(NationalId.isValid(NationalId.withCheckDigits("450190" + "100")))
                .isTrue();
    }

    @Test
    void rejectsWrongCheckDigitsLengthAndDates() {
        String valid = NationalId.withCheckDigits("010180123");
        String wrongDigit = valid.substring(0, 10) + ((valid.charAt(10) - '0' + 1) % 10);
        assertThat(NationalId.isValid(wrongDigit)).isFalse();
        assertThat(NationalId.isValid("0101801234")).isFalse();
        assertThat(NationalId.isValid("abcdefghijk")).isFalse();
        assertThat(NationalId.isValid(null)).isFalse();
        assertThatThrownBy(() -> new NationalId(wrongDigit)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheWholeNumber() {
        String id = NationalId.withCheckDigits("010180123");
        assertThat(new NationalId(id).toString()).doesNotContain(id.substring(6));
    }
}
