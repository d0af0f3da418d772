/**
 * The models, as Java: networks and optimisers with their parameters, outputs and loss gradients,
 * by registry name. Used by the numeric stage.
 */
package ibcheck.models;
