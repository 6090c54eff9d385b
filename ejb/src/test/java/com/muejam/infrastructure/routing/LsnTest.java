package com.muejam.infrastructure.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void parsesAndFormatsTheServersTextForm() {
        assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16B374D848L);
        assertThat(Lsn.parse("0/3000148")).isEqualTo(0x3000148L);
        assertThat(Lsn.format(0x16B374D848L)).isEqualTo("16/B374D848");
        assertThat(Lsn.format(Lsn.parse("FFFFFFFF/FFFFFFFF"))).isEqualTo("FFFFFFFF/FFFFFFFF");
        assertThat(Long.compareUnsigned(Lsn.parse("FFFFFFFF/0"), Lsn.parse("1/0"))).isPositive();
    }

    @Test
    void rejectsMalformedInputAndParseOrNoneIgnoresIt() {
        for (String bad : new String[] {"", "/", "1/", "/1", "x/1", "1/2/3", "123456789/0", "0/123456789", "1-2"}) {
            assertThatThrownBy(() -> Lsn.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(Lsn.parseOrNone(bad)).as(bad).isEqualTo(Lsn.NONE);
        }
        assertThat(Lsn.parseOrNone(null)).isEqualTo(Lsn.NONE);
        assertThat(Lsn.parseOrNone(" 0/10 ")).isEqualTo(16);
    }
}
