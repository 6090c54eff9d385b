package com.muejam.interfaces.rest.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Registered by {@code mp.openapi.filter} (META-INF/microprofile-config.properties of the WAR).
 * <ul>
 * <li>Every operation gets a {@code default} response: any error is {@code application/problem+json} (RFC 9457),
 * schema {@code Problem} — true of the whole API (interfaces/rest/problem), so resources need not repeat it.</li>
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {

    static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        components.addSchema("Problem", problemSchema());
        api.setComponents(components);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.getOperations().entrySet()) {
                Operation op = e.getValue();
                if (op.getResponses() == null) {
                    op.setResponses(OASFactory.createAPIResponses());
                }
                if (op.getResponses().getDefaultValue() == null) {
                    op.getResponses().setDefaultValue(OASFactory.createAPIResponse()
                            .description("An error, as an RFC 9457 problem: 400 invalid input (errors names the "
                                    + "fields), 401 no or invalid bearer token, 403, 404, 409, 415, 429 write rate "
                                    + "limit (Retry-After), 503 no database connection (Retry-After)")
                            .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref("Problem")))));
                }
            }
        }
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string)
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("the invalid fields of a 400")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
    }
}
