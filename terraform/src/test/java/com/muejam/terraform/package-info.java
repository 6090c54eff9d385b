/**
 * Checks of the Terraform code in {@code terraform/} that run without any provider.
 *
 * <p>No AWS provider can be downloaded where the build runs, so {@code terraform validate} is out of reach. Instead:
 * {@link com.muejam.terraform.HclSyntax} turns every {@code .tf} file into a small syntax model (blocks, attributes,
 * expressions rendered back to text) using hcl4j's lexer; {@link com.muejam.terraform.RdsModuleChecker} and
 * {@link com.muejam.terraform.RootModuleChecker} state the module's promises (encryption, Multi-AZ, backups,
 * replicas without credentials, one alarm of each kind per instance, outputs...) as rules over that model; the
 * tests run them on the real files and on mutated copies, and use the {@code terraform} binary when one is on the
 * PATH ({@code fmt -check}, variable validations, the connection arithmetic through {@code terraform console}).
 */
package com.muejam.terraform;
