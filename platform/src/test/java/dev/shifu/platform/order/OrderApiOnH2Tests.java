package dev.shifu.platform.order;

class OrderApiOnH2Tests extends OrderApiContract {

}
