package dev.lastmile.partners.network.boundary;

import dev.lastmile.partners.handoff.boundary.ContractFaultHandler;
import java.util.Set;
import javax.xml.namespace.QName;

/** Words every fault of contract v2 (partner-network-v2.wsdl) in its own terms, as {@link ContractFaultHandler} does v1's. */
public class NetworkContractFaults extends ContractFaultHandler {

    static final String NOT_THE_CONTRACT = "The request does not follow the partner network contract (partner-network-v2.wsdl).";
    static final String NOT_PROCESSED = "The request could not be processed; try again later.";

    public NetworkContractFaults() {
        super(NOT_THE_CONTRACT, NOT_PROCESSED, Set.of(new QName("https://lastmile.dev/partners/v2", "PartnerRequestRefused")));
    }
}
