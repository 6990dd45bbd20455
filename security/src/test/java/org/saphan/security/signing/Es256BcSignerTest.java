package org.saphan.security.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lightweight ES256 signer against the JDK's own ECDSA verifier. */
class Es256BcSignerTest {

    @Test
    void theJdkVerifiesItsSignaturesAndTheNonceFollowsRfc6979() throws Exception {
        KeyPair pair = pair("secp256r1");
        Es256BcSigner signer = new Es256BcSigner((ECPrivateKey) pair.getPrivate());
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        byte[] input = "eyJhbGciOiJFUzI1NiJ9.{\"data\":\"สมชาย\"}".getBytes(StandardCharsets.UTF_8);

        byte[] signature = signer.sign(header, input).decode();

        assertThat(signature).hasSize(64);
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(pair.getPublic());
        jdk.update(input);
        assertThat(jdk.verify(signature)).isTrue();
        jdk.initVerify(pair.getPublic());
        input[input.length - 2] ^= 1;
        jdk.update(input);
        assertThat(jdk.verify(signature)).isFalse();
        input[input.length - 2] ^= 1;
        // deterministic ECDSA: the same input gives the same signature, no random source involved
        assertThat(signer.sign(header, input).decode()).isEqualTo(signature);
    }

    @Test
    void refusesOtherCurvesAndAlgorithms() throws Exception {
        assertThatThrownBy(() -> new Es256BcSigner((ECPrivateKey) pair("secp384r1").getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
        Es256BcSigner signer = new Es256BcSigner((ECPrivateKey) pair("secp256r1").getPrivate());
        assertThatThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.ES384), new byte[1]))
                .hasMessageContaining("cannot sign");
    }

    private static KeyPair pair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
